package jp.itaku.clientid;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IDs the client issues to the people on a contract's roster (門真市 4(2)) and their
 * revocation when a person leaves (4(3)). The client's officers and security
 * administrators of the contract's client record them; every party to the contract sees
 * them (a contractor's worker only their own); auditors and the system administrator
 * read. Revoking a verification ID revokes its operator IDs the same day. The finding "an
 * ID still active for a person no longer active" is computed from the roster each time it
 * is read. Every change is audited.
 */
@Service
public class ClientIds {

	private static final String WHAT = "clientid.entity";

	private final ClientIssuedIdRepository ids;

	private final Contracts contracts;

	private final RosterSystemReads rosterReads;

	private final ClauseCatalog catalog;

	private final ObligationSystemReads obligationReads;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ClientIds(ClientIssuedIdRepository ids, Contracts contracts, ClauseCatalog catalog, WorkingCalendar calendar,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events, RosterSystemReads rosterReads,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.rosterReads = rosterReads;
		this.events = events;
		this.catalog = catalog;
		this.ids = ids;
		this.contracts = contracts;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Returns whether the actor records IDs for the client of a contract.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the client's officers and security administrators while
	 * the contract is not closed
	 */
	public boolean mayIssue(Actor actor, Contract contract) {
		return ContractRoles.decidesForClientWhileOpen(actor, contract);
	}

	/**
	 * Returns a contract's IDs, by person of its roster.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the register; a contractor's worker sees only their own IDs
	 * @throws NotFoundProblem when the actor's organisation is no party to the contract
	 */
	@Transactional(readOnly = true)
	public IdRegister register(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		List<RosterMember> members = this.rosterReads.membersUnscoped(contractId)
			.stream()
			.filter((m) -> actor.role() != Role.CONTRACTOR_WORKER || actor.userId().equals(m.getUserId()))
			.toList();
		List<ClientIssuedId> all = this.ids.findByContractIdOrderByIssuedOnAscValueAsc(contractId);
		LocalDate today = this.calendar.today();
		return new IdRegister(contract, members(contract, members, all, today), mayIssue(actor, contract));
	}

	/**
	 * Returns the findings of one contract: people no longer active whose IDs still work.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the findings, in roster order
	 */
	@Transactional(readOnly = true)
	public List<Finding> findings(Actor actor, UUID contractId) {
		IdRegister register = register(actor, contractId);
		return register.findings().stream().map((m) -> new Finding(register.contract(), m)).toList();
	}

	/**
	 * Returns the findings across the contracts of the actor's (client) organisation.
	 * @param actor a user of a client (or the system administrator, across all clients)
	 * @return the findings, by contract number and roster order
	 * @throws AccessDeniedProblem for contractors' users
	 */
	@Transactional(readOnly = true)
	public List<Finding> findings(Actor actor) {
		if (actor.organisationKind() != OrganisationKind.CLIENT) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Map<UUID, Contract> visible = this.contracts.list(actor)
			.stream()
			.collect(Collectors.toMap(Contract::getId, (c) -> c, (a, b) -> a, LinkedHashMap::new));
		if (visible.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<ClientIssuedId>> activeByContract = this.ids
			.activeOfContracts(visible.keySet().toArray(UUID[]::new))
			.stream()
			.collect(Collectors.groupingBy(ClientIssuedId::getContractId));
		LocalDate today = this.calendar.today();
		List<Finding> findings = new ArrayList<>();
		visible.values()
			.stream()
			.filter((c) -> activeByContract.containsKey(c.getId()))
			.sorted(Comparator.comparing(Contract::getNumber))
			.forEach((contract) -> {
				List<RosterMember> members = this.rosterReads.membersUnscoped(contract.getId());
				List<ClientIssuedId> all = this.ids.findByContractIdOrderByIssuedOnAscValueAsc(contract.getId());
				members(contract, members, all, today).stream()
					.filter(MemberIds::isFinding)
					.forEach((m) -> findings.add(new Finding(contract, m)));
			});
		return findings;
	}

	/**
	 * Sums up a contract's IDs for the contract page.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return whether the contract's clauses deal with client-issued IDs, how many IDs
	 * are active and how many people no longer active still have one
	 */
	@Transactional(readOnly = true)
	public Summary summary(Actor actor, UUID contractId) {
		IdRegister register = register(actor, contractId);
		boolean applies = this.catalog.get(register.contract().getProfileId())
			.definition()
			.clauses()
			.stream()
			.flatMap((c) -> c.requirements().stream())
			.anyMatch((r) -> r.deliverable() == Deliverable.ID_REVOCATION_NOTICE);
		int active = register.members().stream().mapToInt((m) -> m.activeIds().size()).sum();
		return new Summary(applies, active, register.findings().size());
	}

	/**
	 * Records an ID the client issued to a person on the contract's roster.
	 * @param actor an officer or security administrator of the contract's client
	 * @param contractId the contract
	 * @param form the ID
	 * @return the ID
	 * @throws InvalidInputProblem naming every field at fault
	 * @throws AccessDeniedProblem for anyone else who may see the contract
	 */
	@Transactional
	public ClientIssuedId issue(Actor actor, UUID contractId, IssueIdForm form) {
		Contract contract = issuable(actor, contractId);
		LocalDate today = this.calendar.today();
		List<FieldProblem> problems = new ArrayList<>(form.problems(today));
		if (form.getMemberId() != null) {
			Optional<RosterMember> member = this.rosterReads.findUnscoped(form.getMemberId())
				.filter((m) -> m.getContractId().equals(contractId));
			if (member.isEmpty()) {
				problems.add(new FieldProblem("memberId", "clientid.memberId.unknown"));
			}
			else if (member.get().getStatus() == MemberStatus.LEFT) {
				problems.add(new FieldProblem("memberId", "clientid.memberId.left", member.get().getName()));
			}
		}
		if (form.getKind() == IdKind.OPERATOR && form.getParentId() != null) {
			Optional<ClientIssuedId> parent = this.ids.findById(form.getParentId())
				.filter((p) -> p.getContractId().equals(contractId) && p.getKind() == IdKind.VERIFICATION
						&& p.isActive() && p.getMemberId().equals(form.getMemberId()));
			if (parent.isEmpty()) {
				problems.add(new FieldProblem("parentId", "clientid.parentId.invalid"));
			}
			else if (form.getIssuedOn() != null && form.getIssuedOn().isBefore(parent.get().getIssuedOn())) {
				problems.add(new FieldProblem("issuedOn", "clientid.issuedOn.beforeParent", parent.get().getValue()));
			}
		}
		String value = IssueIdForm.clean(form.getValue());
		if (value != null && this.ids.existsByContractIdAndValueAndRevokedOnIsNull(contractId, value)) {
			problems.add(new FieldProblem("value", "clientid.value.taken", value));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		ClientIssuedId id;
		try {
			id = this.ids.saveAndFlush(
					new ClientIssuedId(contractId, form.getMemberId(), form, actor.userId(), Instant.now(this.clock)));
		}
		catch (DataIntegrityViolationException ex) {
			// Issued concurrently with the same value.
			throw new InvalidInputProblem("value", "clientid.value.taken", value);
		}
		AuditRecord record = AuditRecord.of("CLIENT_ID_ISSUED")
			.actor(actor)
			.target("ClientIssuedId", id.getId())
			.detail("contract", contract.getId())
			.detail("member", id.getMemberId())
			.detail("kind", id.getKind())
			.detail("value", id.getValue())
			.detail("system", id.getSystemName())
			.detail("issuedOn", id.getIssuedOn());
		if (id.getParentId() != null) {
			record.detail("parent", id.getParentId());
		}
		this.audit.record(record);
		this.events.publishEvent(new ClientIdEvents.IdsChanged(contractId));
		return id;
	}

	/**
	 * Records that the client revoked an ID; a verification ID takes its active operator
	 * IDs with it, on the same day.
	 * @param actor an officer or security administrator of the contract's client
	 * @param idId the ID
	 * @param revokedOn the day it was revoked (not before its issue, not after today)
	 * @param note what was done, or {@code null}
	 * @return the IDs revoked: the one named first, then its operator IDs
	 * @throws InvalidInputProblem naming {@code revokedOn} or {@code note} when at fault
	 */
	@Transactional
	public List<ClientIssuedId> revoke(Actor actor, UUID idId, @Nullable LocalDate revokedOn, @Nullable String note) {
		ClientIssuedId id = this.ids.findById(idId).orElseThrow(() -> new NotFoundProblem(WHAT));
		try {
			this.contracts.get(actor, id.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
		issuable(actor, id.getContractId());
		String cleanNote = IssueIdForm.clean(note);
		if (cleanNote != null && cleanNote.length() > 500) {
			throw new InvalidInputProblem("note", "clientid.note.tooLong", 500);
		}
		LocalDate today = this.calendar.today();
		Instant now = Instant.now(this.clock);
		List<ClientIssuedId> revoked = new ArrayList<>();
		id.revoke(revokedOn, today, actor.userId(), cleanNote, now);
		revoked.add(id);
		if (id.getKind() == IdKind.VERIFICATION) {
			for (ClientIssuedId operator : this.ids.findByParentIdAndRevokedOnIsNull(id.getId())) {
				operator.revoke(revokedOn, today, actor.userId(), cleanNote, now);
				revoked.add(operator);
			}
		}
		this.audit.record(AuditRecord.of("CLIENT_ID_REVOKED")
			.actor(actor)
			.target("ClientIssuedId", id.getId())
			.detail("contract", id.getContractId())
			.detail("member", id.getMemberId())
			.detail("kind", id.getKind())
			.detail("value", id.getValue())
			.detail("revokedOn", revokedOn)
			.detail("withOperatorIds", revoked.stream().skip(1).map(ClientIssuedId::getValue).toList()));
		this.events.publishEvent(new ClientIdEvents.IdsChanged(id.getContractId()));
		return revoked;
	}

	/**
	 * Returns the ID with its contract, for a party to the contract.
	 * @param actor the acting user
	 * @param idId the ID
	 * @return the ID
	 * @throws NotFoundProblem when it does not exist or the actor may not see it
	 */
	@Transactional(readOnly = true)
	public ClientIssuedId get(Actor actor, UUID idId) {
		ClientIssuedId id = this.ids.findById(idId).orElseThrow(() -> new NotFoundProblem(WHAT));
		IdRegister register;
		try {
			register = register(actor, id.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
		boolean visible = register.members().stream().anyMatch((m) -> m.member().getId().equals(id.getMemberId()));
		if (!visible) {
			throw new NotFoundProblem(WHAT);
		}
		return id;
	}

	/**
	 * A contract's IDs in numbers.
	 *
	 * @param applies whether the contract's clauses ask for the IDs to be revoked on
	 * departure
	 * @param activeIds how many IDs are active
	 * @param findings how many people no longer active still have an active ID
	 */
	public record Summary(boolean applies, int activeIds, int findings) {
	}

	private Contract issuable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayIssue(actor, contract)) {
			throw new AccessDeniedProblem("clientid.forbidden");
		}
		return contract;
	}

	private List<MemberIds> members(Contract contract, List<RosterMember> members, List<ClientIssuedId> all,
			LocalDate today) {
		Map<UUID, List<ClientIssuedId>> byMember = all.stream()
			.collect(Collectors.groupingBy(ClientIssuedId::getMemberId));
		List<MemberIds> result = new ArrayList<>();
		for (RosterMember member : members) {
			List<ClientIssuedId> own = byMember.getOrDefault(member.getId(), List.of());
			List<MemberIds.IdGroup> groups = own.stream()
				.filter((i) -> i.getKind() == IdKind.VERIFICATION)
				.map((v) -> new MemberIds.IdGroup(v,
						own.stream().filter((o) -> v.getId().equals(o.getParentId())).toList()))
				.toList();
			InactiveReason reason = InactiveReason.of(member, today).orElse(null);
			Obligation notice = null;
			if (member.getStatus() == MemberStatus.LEFT) {
				notice = this.obligationReads
					.findUnscoped(contract.getId(), Deliverable.ID_REVOCATION_NOTICE, "LEFT-" + member.getId())
					.stream()
					.findFirst()
					.orElse(null);
			}
			result.add(new MemberIds(member, groups, reason, notice,
					(notice != null) ? notice.effectiveStatus(today) : null));
		}
		return result;
	}

}
