package jp.itaku.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.database.TransactionLocks;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files and lists a contract's notices (届出・報告). What may be filed comes from the
 * contract's pinned profile: a kind is offered only when one of its clauses names the
 * kind's event, and only to the side that reports it (the contractor's lead and workers
 * for problems, vulnerabilities, leaks and changed documents; the client's officers and
 * security administrators for instructions and breaches). Filing stores the numbered
 * record, raises the obligations the profile attaches to the event — due by the profile's
 * deadline counted from the day it happened — and is audited, in one transaction.
 */
@Service
public class Notices {

	private final NoticeRepository notices;

	private final Contracts contracts;

	private final ClauseCatalog catalog;

	private final Obligations obligations;

	private final AuditTrail audit;

	private final TransactionLocks locks;

	private final Clock clock;

	Notices(NoticeRepository notices, Contracts contracts, ClauseCatalog catalog, Obligations obligations,
			AuditTrail audit, TransactionLocks locks, Clock clock) {
		this.notices = notices;
		this.contracts = contracts;
		this.catalog = catalog;
		this.obligations = obligations;
		this.audit = audit;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * Returns a contract's notices, newest first, with what the actor may file.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the list and the offer
	 */
	@Transactional(readOnly = true)
	public ContractNotices list(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		return new ContractNotices(contract, this.notices.findByContractIdOrderBySeqDesc(contractId),
				offer(actor, contract));
	}

	/**
	 * Files a notice and raises the obligations of its event.
	 * @param actor a party to the contract on the side that reports the kind
	 * @param contractId the contract
	 * @param form what happened
	 * @return the notice with the obligations it raised
	 * @throws InvalidInputProblem naming every field at fault; nothing is stored then
	 * @throws AccessDeniedProblem when the actor may file no notice of the kind
	 */
	@Transactional
	public Filed file(Actor actor, UUID contractId, NoticeForm form) {
		Contract contract = this.contracts.get(actor, contractId);
		List<Offered> offer = offer(actor, contract);
		if (offer.isEmpty()) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		LocalDate today = ItakuTime.today(this.clock);
		List<FieldProblem> problems = new ArrayList<>(form.problems(today));
		NoticeKind kind = form.getKind();
		@Nullable Offered offered = (kind != null) ? offer.stream().filter((o) -> o.kind() == kind).findFirst().orElse(null)
				: null;
		if (kind != null && offered == null) {
			problems.add(new FieldProblem("kind", "notice.error.kindNotOffered"));
		}
		@Nullable Deliverable deliverable = (kind == NoticeKind.DOCUMENT_CHANGED) ? form.getDeliverable() : null;
		if (offered != null && deliverable != null && !offered.deliverables().contains(deliverable)) {
			problems.add(new FieldProblem("deliverable", "notice.error.deliverableNotOffered"));
		}
		LocalDate occurredOn = form.getOccurredOn();
		String description = (form.getDescription() != null) ? form.getDescription().strip() : "";
		if (!problems.isEmpty() || kind == null || occurredOn == null || offered == null) {
			throw new InvalidInputProblem(problems);
		}
		// Notices of one contract are numbered one at a time, also across nodes.
		this.locks.lock("notice:" + contractId);
		Instant now = Instant.now(this.clock);
		Notice notice = this.notices.saveAndFlush(new Notice(contractId, this.notices.lastSeq(contractId) + 1, kind,
				deliverable, occurredOn, description, actor, now));
		Obligations.Occurrence occurrence = new Obligations.Occurrence(notice.getNumber(), occurredOn,
				notice.getNumber() + " " + firstLine(description), "Notice:" + notice.getId());
		List<Obligation> raised = (deliverable != null)
				? this.obligations.raise(contractId, kind.trigger(), occurrence, deliverable)
				: this.obligations.raise(contractId, kind.trigger(), occurrence);
		this.audit.record(AuditRecord.of("NOTICE_FILED")
			.actor(actor)
			.target("Notice", notice.getId())
			.detail("contract", contractId)
			.detail("number", notice.getNumber())
			.detail("kind", kind.name())
			.detail("deliverable", (deliverable != null) ? deliverable.name() : "")
			.detail("occurredOn", occurredOn.toString())
			.detail("clauses", offered.clauses())
			.detail("obligations", raised.stream().map(Obligation::getId).toList()));
		return new Filed(notice, raised);
	}

	/**
	 * Returns what the actor may file on a contract: the kinds whose event a clause of
	 * the contract's profile names, for the actor's side, while the contract is open.
	 */
	private List<Offered> offer(Actor actor, Contract contract) {
		if (!ContractRoles.isOpen(contract)) {
			return List.of();
		}
		boolean client = ContractRoles.decidesForClient(actor, contract);
		boolean contractor = ContractRoles.worksForContractor(actor, contract);
		if (!client && !contractor) {
			return List.of();
		}
		Map<NoticeKind, Set<String>> clauses = new EnumMap<>(NoticeKind.class);
		Map<NoticeKind, Set<Deliverable>> deliverables = new EnumMap<>(NoticeKind.class);
		for (ClauseDefinition clause : this.catalog.get(contract.getProfileId()).definition().clauses()) {
			for (RequirementDefinition requirement : clause.requirements()) {
				for (NoticeKind kind : NoticeKind.values()) {
					if (kind.filedByClient() == client && kind.trigger().matches(requirement.trigger())) {
						clauses.computeIfAbsent(kind, (k) -> new LinkedHashSet<>()).add(clause.ref());
						if (requirement.deliverable() != null) {
							deliverables.computeIfAbsent(kind, (k) -> new LinkedHashSet<>())
								.add(requirement.deliverable());
						}
					}
				}
			}
		}
		List<Offered> offer = new ArrayList<>();
		clauses.forEach((kind, refs) -> offer
			.add(new Offered(kind, List.copyOf(refs), List.copyOf(deliverables.getOrDefault(kind, Set.of())))));
		return offer;
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse("");
		return (line.length() > 60) ? line.substring(0, 60) + "…" : line;
	}

	/**
	 * A kind of notice the actor may file on a contract.
	 *
	 * @param kind the kind
	 * @param clauses the profile's clauses that name its event
	 * @param deliverables the documents whose change it reports (a changed document)
	 */
	public record Offered(NoticeKind kind, List<String> clauses, List<Deliverable> deliverables) {
	}

	/**
	 * A contract's notices.
	 *
	 * @param contract the contract
	 * @param notices its notices, newest first
	 * @param offer what the reader may file; empty when nothing
	 */
	public record ContractNotices(Contract contract, List<Notice> notices, List<Offered> offer) {
	}

	/**
	 * A notice just filed.
	 *
	 * @param notice the notice
	 * @param raised the obligations its event raised (none when the clause asks only for
	 * measures)
	 */
	public record Filed(Notice notice, List<Obligation> raised) {
	}

}
