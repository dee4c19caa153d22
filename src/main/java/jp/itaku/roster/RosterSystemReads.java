package jp.itaku.roster;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of roster members without a user's scope, for the system's own work: scheduled
 * jobs, mails, event listeners, the log checks and the demo data; never for a request
 * made on a user's behalf, and never shown to a user without scoping. It is the named
 * interface {@code roster :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class RosterSystemReads {

	private final RosterMemberRepository members;

	private final RosterChangeRepository changes;

	RosterSystemReads(RosterMemberRepository members, RosterChangeRepository changes) {
		this.members = members;
		this.changes = changes;
	}

	/**
	 * Lists the changes to one organisation's workers on a contract's roster without
	 * scoping, for the subcontract module to show what a subcontractor changed in its own
	 * roster after approval; the caller has scoped the subcontract.
	 * @param contractId the contract
	 * @param organisationId the organisation whose workers changed
	 * @return the changes, oldest first
	 */
	@Transactional(readOnly = true)
	public List<RosterChange> changesOfOrganisationUnscoped(UUID contractId, UUID organisationId) {
		List<UUID> ids = this.members.findByContractIdOrderByPeriodStartAscNameAsc(contractId)
			.stream()
			.filter((m) -> organisationId.equals(m.getOrganisationId()))
			.map(RosterMember::getId)
			.toList();
		return ids.isEmpty() ? List.of()
				: this.changes.findByContractIdAndMemberIdInOrderByOccurredAtAsc(contractId, ids);
	}

	/**
	 * Lists a contract's roster without scoping, for other modules (schedules, entry
	 * logs, IDs); never hand it to a user without scoping.
	 * @param contractId the contract
	 * @return every member
	 */
	@Transactional(readOnly = true)
	public List<RosterMember> membersUnscoped(UUID contractId) {
		return this.members.findByContractIdOrderByPeriodStartAscNameAsc(contractId);
	}

	/**
	 * A stamp of a contract's roster that changes whenever a member is added or changed
	 * (activation included, which publishes no event), for the log checks' cache.
	 * @param contractId the contract
	 * @return the number of members and the last change
	 */
	@Transactional(readOnly = true)
	public String changeStampUnscoped(UUID contractId) {
		return this.members.countByContractId(contractId) + "|" + this.members.lastUpdate(contractId);
	}

	/**
	 * Looks up a member without scoping, for other modules.
	 * @param memberId the member
	 * @return the member, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<RosterMember> findUnscoped(UUID memberId) {
		return this.members.findById(memberId);
	}

}
