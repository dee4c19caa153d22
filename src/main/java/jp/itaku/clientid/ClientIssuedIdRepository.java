package jp.itaku.clientid;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientIssuedIdRepository extends JpaRepository<ClientIssuedId, UUID> {

	List<ClientIssuedId> findByContractIdOrderByIssuedOnAscValueAsc(UUID contractId);

	List<ClientIssuedId> findByContractIdInAndRevokedOnIsNullOrderByIssuedOnAscValueAsc(Collection<UUID> contractIds);

	List<ClientIssuedId> findByContractIdAndMemberIdAndRevokedOnIsNull(UUID contractId, UUID memberId);

	List<ClientIssuedId> findByParentIdAndRevokedOnIsNull(UUID parentId);

	boolean existsByContractIdAndValueAndRevokedOnIsNull(UUID contractId, String value);

}
