package jp.itaku.worksite;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.approval.Approvals;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry log of a contract's work area (入退室記録簿, Kadoma 14(4)): name, affiliation,
 * purpose, time in and out of everyone who enters, recorded on the quick-entry page, in
 * the form, by CSV import or through the API. Each entry is matched to the roster on its
 * day: a roster member, a declared visitor (shown as 来訪者), or flagged — nobody off the
 * roster may work. The contractor's lead and workers record; every party reads.
 */
@Service
public class EntryLog {

	private static final String WHAT = "worksite.entry.entity";

	private final EntryLogRepository entries;

	private final Contracts contracts;

	private final RosterSystemReads rosterReads;

	private final AuditTrail audit;

	private final Clock clock;

	private final Approvals approvals;

	EntryLog(EntryLogRepository entries, Contracts contracts, AuditTrail audit, Clock clock,
			RosterSystemReads rosterReads, Approvals approvals) {
		this.approvals = approvals;
		this.rosterReads = rosterReads;
		this.entries = entries;
		this.contracts = contracts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Returns whether the actor may record entries: a lead or worker of the contractor,
	 * while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may record
	 */
	public boolean mayRecord(Actor actor, Contract contract) {
		return ContractRoles.worksForContractor(actor, contract) && ContractRoles.isOpen(contract);
	}

	/**
	 * Lists the entries of some days.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param from the first day (Tokyo)
	 * @param to the last day (Tokyo)
	 * @return the entries by time in
	 */
	@Transactional(readOnly = true)
	public List<EntryLogEntry> entries(Actor actor, UUID contractId, LocalDate from, LocalDate to) {
		this.contracts.get(actor, contractId);
		return this.entries.findByContractIdAndEnteredAtGreaterThanEqualAndEnteredAtLessThanOrderByEnteredAtAsc(
				contractId, from.atStartOfDay(ItakuTime.ZONE).toInstant(),
				to.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant());
	}

	/**
	 * Lists a contract's flagged entries.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the entries of people not on the roster and not declared visitors, latest
	 * first
	 */
	@Transactional(readOnly = true)
	public List<EntryLogEntry> flagged(Actor actor, UUID contractId) {
		this.contracts.get(actor, contractId);
		return this.entries.findByContractIdAndMatchOrderByEnteredAtDesc(contractId, EntryLogEntry.Match.FLAGGED);
	}

	/**
	 * Counts a contract's flagged entries, for the contract page.
	 * @param actor the signed-in user
	 * @param contract the contract
	 * @return the number of flagged entries; 0 for a user who is no party to the contract
	 */
	@Transactional(readOnly = true)
	public long flaggedCount(Actor actor, Contract contract) {
		if (!ContractRoles.isParty(actor, contract)) {
			return 0;
		}
		return this.entries.countByContractIdAndMatch(contract.getId(), EntryLogEntry.Match.FLAGGED);
	}

	/**
	 * Returns what the quick-entry page shows: the roster members working today, who of
	 * them is in, and the visitors and others still in.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the page's state
	 */
	@Transactional(readOnly = true)
	public Quick quick(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		LocalDate today = ItakuTime.today(this.clock);
		List<RosterMember> working = this.rosterReads.membersUnscoped(contractId)
			.stream()
			.filter((m) -> m.worksOn(today))
			.toList();
		List<EntryLogEntry> inside = this.entries.findByContractIdAndLeftAtIsNullOrderByEnteredAtAsc(contractId);
		Map<UUID, EntryLogEntry> insideByMember = inside.stream()
			.filter((e) -> e.getMemberId() != null)
			.collect(Collectors.toMap(EntryLogEntry::getMemberId, Function.identity(), (a, b) -> b));
		List<EntryLogEntry> others = inside.stream().filter((e) -> e.getMemberId() == null).toList();
		return new Quick(contract, today, working, insideByMember, others, mayRecord(actor, contract));
	}

	/**
	 * Records an entry (form or API): matched to the roster on the day of entry.
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param form the entry
	 * @param source how it was recorded
	 * @return the entry
	 * @throws InvalidInputProblem naming every field at fault
	 */
	@Transactional
	public EntryLogEntry record(Actor actor, UUID contractId, EntryForm form, EntryLogEntry.Source source) {
		recordable(actor, contractId);
		List<FieldProblem> problems = form.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return save(actor, contractId, form, roster(contractId), source);
	}

	/**
	 * Records that a roster member working today came in, now.
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param memberId the member
	 * @return the entry
	 * @throws InvalidInputProblem when the member does not work today or is in already
	 */
	@Transactional
	public EntryLogEntry enter(Actor actor, UUID contractId, UUID memberId) {
		recordable(actor, contractId);
		LocalDate today = ItakuTime.today(this.clock);
		RosterMember member = this.rosterReads.findUnscoped(memberId)
			.filter((m) -> m.getContractId().equals(contractId))
			.orElseThrow(() -> new NotFoundProblem("roster.member.entity"));
		if (!member.worksOn(today)) {
			throw new InvalidInputProblem("member", "worksite.entry.notWorkingToday", member.getName());
		}
		boolean inside = this.entries.findByContractIdAndLeftAtIsNullOrderByEnteredAtAsc(contractId)
			.stream()
			.anyMatch((e) -> memberId.equals(e.getMemberId()));
		if (inside) {
			throw new InvalidInputProblem("member", "worksite.entry.alreadyIn", member.getName());
		}
		EntryForm form = new EntryForm();
		form.setName(member.getName());
		form.setEnteredAt(now());
		return save(actor, contractId, form, roster(contractId), EntryLogEntry.Source.QUICK);
	}

	/**
	 * Records that a visitor came in, now.
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param form the visitor's name, affiliation and purpose
	 * @return the entry
	 * @throws InvalidInputProblem naming every field at fault
	 */
	@Transactional
	public EntryLogEntry visitor(Actor actor, UUID contractId, EntryForm form) {
		form.setVisitor(true);
		form.setEnteredAt(now());
		form.setLeftAt(null);
		return record(actor, contractId, form, EntryLogEntry.Source.QUICK);
	}

	/**
	 * Records that someone left, now.
	 * @param actor a lead or worker of the contractor
	 * @param entryId the entry
	 * @return the entry
	 * @throws InvalidInputProblem when the time out is recorded already
	 */
	@Transactional
	public EntryLogEntry leave(Actor actor, UUID entryId) {
		EntryLogEntry entry = this.entries.findById(entryId).orElseThrow(() -> new NotFoundProblem(WHAT));
		try {
			recordable(actor, entry.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
		entry.leave(Instant.now(this.clock));
		this.audit.record(AuditRecord.of("ENTRY_LOG_LEFT")
			.actor(actor)
			.target("EntryLogEntry", entryId)
			.detail("contract", entry.getContractId()));
		return entry;
	}

	/**
	 * Imports entries from a CSV file (UTF-8 or Shift_JIS) or workbook (see
	 * {@link EntryImport}).
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param fileName the file's name
	 * @param content the file
	 * @return the entries recorded
	 * @throws InvalidInputProblem naming each line at fault; nothing is recorded then
	 */
	@Transactional
	public List<EntryLogEntry> importFile(Actor actor, UUID contractId, @Nullable String fileName, byte[] content) {
		recordable(actor, contractId);
		List<EntryImport.Line> lines = EntryImport.parse(TextTable.read(fileName, content));
		List<RosterMatch.Person> roster = roster(contractId);
		List<EntryLogEntry> saved = new ArrayList<>();
		for (EntryImport.Line line : lines) {
			saved.add(save(actor, contractId, line.form(), roster, EntryLogEntry.Source.IMPORT));
		}
		this.audit.record(AuditRecord.of("ENTRY_LOG_IMPORTED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("entries", saved.size())
			.detail("flagged", saved.stream().filter((e) -> e.getMatch() == EntryLogEntry.Match.FLAGGED).count()));
		return saved;
	}

	// every caller has refused a form without enteredAt (problems(), the import's row
	// check) or set it
	@SuppressWarnings("NullAway")
	private EntryLogEntry save(Actor actor, UUID contractId, EntryForm form, List<RosterMatch.Person> roster,
			EntryLogEntry.Source source) {
		LocalDate day = form.getEnteredAt().toLocalDate();
		// Work in an area outside the designated places needs the client's prior approval
		// where the profile says so (Gunma 第5条第2項).
		this.approvals.requirePlace(contractId, form.getArea(), day, "area");
		RosterMatch.Result result = RosterMatch.entry(roster, form.getName(), day, form.isVisitor());
		EntryLogEntry entry = this.entries
			.save(new EntryLogEntry(contractId, form, result, source, actor.userId(), Instant.now(this.clock)));
		if (source != EntryLogEntry.Source.IMPORT) {
			this.audit.record(AuditRecord.of("ENTRY_LOG_RECORDED")
				.actor(actor)
				.target("EntryLogEntry", entry.getId())
				.detail("contract", contractId)
				.detail("match", entry.getMatch())
				.detail("source", source));
		}
		return entry;
	}

	private List<RosterMatch.Person> roster(UUID contractId) {
		return this.rosterReads.membersUnscoped(contractId).stream().map(RosterMatch.Person::of).toList();
	}

	private LocalDateTime now() {
		return ItakuTime.inTokyo(Instant.now(this.clock)).toLocalDateTime().withSecond(0).withNano(0);
	}

	private Contract recordable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayRecord(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	/**
	 * The quick-entry page's state.
	 *
	 * @param contract the contract
	 * @param today today (Tokyo)
	 * @param working the roster members working today
	 * @param insideByMember the open entry of each member who is in
	 * @param othersInside visitors and others still in
	 * @param mayRecord whether the actor may record
	 */
	public record Quick(Contract contract, LocalDate today, List<RosterMember> working,
			Map<UUID, EntryLogEntry> insideByMember, List<EntryLogEntry> othersInside, boolean mayRecord) {
	}

}
