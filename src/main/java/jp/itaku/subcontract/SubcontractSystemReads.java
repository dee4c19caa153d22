package jp.itaku.subcontract;

import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of subcontracts without a user's scope, for the system's own work: scheduled
 * jobs, mails, event listeners, the log checks and the demo data; never for a request
 * made on a user's behalf, and never shown to a user without scoping. It is the named
 * interface {@code subcontract :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class SubcontractSystemReads {

	private final SubcontractRepository repository;

	SubcontractSystemReads(SubcontractRepository repository) {
		this.repository = repository;
	}

	/**
	 * Lists the subcontracts of a contract without scoping, for other modules and jobs.
	 * @param contractId the contract
	 * @return every subcontract by number
	 */
	@Transactional(readOnly = true)
	public List<Subcontract> allUnscoped(UUID contractId) {
		return this.repository.findByContractIdOrderBySeqAsc(contractId);
	}

}
