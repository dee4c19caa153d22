package jp.itaku.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, UUID> {

	Optional<RecoveryCode> findByUserIdAndCodeHashAndUsedAtIsNull(UUID userId, String codeHash);

	long countByUserIdAndUsedAtIsNull(UUID userId);

	void deleteByUserId(UUID userId);

}
