package jp.itaku.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, UUID> {

	Optional<RecoveryCode> findByUserIdAndCodeHashAndUsedAtIsNull(UUID userId, String codeHash);

	List<RecoveryCode> findByUserId(UUID userId);

	long countByUserIdAndUsedAtIsNull(UUID userId);

	void deleteByUserId(UUID userId);

}
