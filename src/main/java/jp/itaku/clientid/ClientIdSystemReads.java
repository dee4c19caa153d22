package jp.itaku.clientid;

import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of client-issued IDs without a user's scope, for the system's own work: scheduled
 * jobs, mails, event listeners, the log checks and the demo data; never for a request
 * made on a user's behalf, and never shown to a user without scoping. It is the named
 * interface {@code clientid :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class ClientIdSystemReads {

	private final ClientIssuedIdRepository ids;

	ClientIdSystemReads(ClientIssuedIdRepository ids) {
		this.ids = ids;
	}

	/**
	 * Returns every ID recorded on a contract, issued and revoked, for the log checks
	 * (module {@code logevidence}), which scope the contract themselves.
	 * @param contractId the contract
	 * @return the IDs by day of issue
	 */
	@Transactional(readOnly = true)
	public List<ClientIssuedId> idsUnscoped(UUID contractId) {
		return this.ids.findByContractIdOrderByIssuedOnAscValueAsc(contractId);
	}

}
