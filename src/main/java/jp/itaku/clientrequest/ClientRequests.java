package jp.itaku.clientrequest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.DeadlineType;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.SubcontractChain;
import jp.itaku.logevidence.LogExport;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Obligations.Owing;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.database.TransactionLocks;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's requests for a report or material (報告・資料の請求). What may be asked comes from
 * the contract's pinned profile: every requirement that binds the contractor (or a
 * subcontractor) to report, explain or submit a document when the client asks
 * ({@code ON_REQUEST}) and applies to the contract's scope. A request is made by the
 * client's officer or security administrator while the client's rights run (also after
 * closing, Kadoma 11(4)); it stores the numbered record, raises that one requirement's
 * obligation through {@link Obligations#raise} — due on the day the client set — and is
 * audited, in one transaction. A request that would raise nothing is refused and nothing
 * is stored. Where a clause sets how far back the material must reach (Gunma 9:
 * 少なくとも過去3ヶ月前まで, read from the clause's retention period), a period covered is required
 * and a shorter one refused naming the clause. The contractor answers through the
 * obligation's submission, or, for logs, with Itaku's own export of the period
 * ({@link #answerWithLogs}), whose SHA-256 goes into the audit entry.
 */
@Service
public class ClientRequests {

	static final String WHAT = "clientrequest.entity";

	private final ClientRequestRepository requests;

	private final Contracts contracts;

	private final ClauseCatalog catalog;

	private final Obligations obligations;

	private final LogExport logExport;

	private final SubcontractChain chain;

	private final AuditTrail audit;

	private final TransactionLocks locks;

	private final Clock clock;

	ClientRequests(ClientRequestRepository requests, Contracts contracts, ClauseCatalog catalog,
			Obligations obligations, LogExport logExport, SubcontractChain chain, AuditTrail audit,
			TransactionLocks locks, Clock clock) {
		this.requests = requests;
		this.contracts = contracts;
		this.catalog = catalog;
		this.obligations = obligations;
		this.logExport = logExport;
		this.chain = chain;
		this.audit = audit;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * Returns a contract's requests, newest first, each with the obligation it raised and
	 * where it stands, and what the actor may ask for.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the list and the offer
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public ContractRequests list(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		List<Obligation> all = this.obligations.forContract(actor, contractId);
		LocalDate today = ItakuTime.today(this.clock);
		List<RequestView> views = this.requests.findByContractIdOrderBySeqDesc(contractId)
			.stream()
			.map((r) -> RequestView.of(r, all.stream().filter((o) -> r.source().equals(o.getSource())).toList(), today))
			.toList();
		boolean mayRequest = ContractRoles.decidesForClientWhileRightsRun(actor, contract, today);
		List<Owing> chain = chain(contract);
		Map<UUID, String> names = chain.isEmpty() ? Map.of()
				: this.contracts.participantNames(actor, contract, chain.stream().map(Owing::organisationId).toList());
		return new ContractRequests(contract, views, mayRequest ? offer(contract) : List.of(), mayRequest,
				mayRequest ? deepestLevel(contract) : 0,
				mayRequest ? chain.stream()
					.map((o) -> new ChainMember(o.organisationId(), o.level(),
							names.getOrDefault(o.organisationId(), "")))
					.toList() : List.of(),
				names);
	}

	/**
	 * The client asks for a report or material: stores the request and raises its
	 * requirement's obligation.
	 * @param actor the client's officer or security administrator
	 * @param contractId the contract
	 * @param form what, under which requirement, by when, for which period and level
	 * @return the request with the obligation it raised
	 * @throws InvalidInputProblem naming every field at fault, or on {@code requirement}
	 * when nothing would be raised; nothing is stored then
	 * @throws AccessDeniedProblem for anyone but the client's deciders, and once the
	 * client's rights have run out
	 */
	@Transactional
	public Requested request(Actor actor, UUID contractId, ClientRequestForm form) {
		Contract contract = this.contracts.get(actor, contractId);
		LocalDate today = ItakuTime.today(this.clock);
		ContractRoles.requireClientRights(actor, contract, today);
		List<FieldProblem> problems = new ArrayList<>(form.problems(today));
		List<Requestable> offer = offer(contract);
		@Nullable Requestable what = offer.stream().filter((r) -> r.key().equals(form.getRequirement())).findFirst().orElse(null);
		if (what == null && form.getRequirement() != null && !form.getRequirement().isBlank()) {
			problems.add(new FieldProblem("requirement",
					offer.isEmpty() ? "clientrequest.error.nothingOffered" : "clientrequest.error.requirement"));
		}
		LocalDate from = form.getPeriodFrom();
		LocalDate to = form.getPeriodTo();
		@Nullable String minimum = (what != null) ? what.minimumPeriod() : null;
		if (what != null && minimum != null) {
			if (from == null && to == null) {
				problems.add(new FieldProblem("periodFrom", "clientrequest.error.periodRequired", what.clauseRef(),
						months(minimum)));
			}
			else if (from != null && to != null && !to.isBefore(from)
					&& from.plus(Period.parse(minimum)).minusDays(1).isAfter(to)) {
				problems.add(new FieldProblem("periodFrom", "clientrequest.error.periodTooShort", what.clauseRef(),
						months(minimum)));
			}
		}
		Integer level = form.getChainLevel();
		@Nullable Owing owing = owing(contract, form, problems);
		if (owing != null) {
			level = owing.level();
		}
		LocalDate dueOn = form.getDueOn();
		if (!problems.isEmpty() || what == null || dueOn == null) {
			throw new InvalidInputProblem(problems);
		}
		// Requests of one contract are numbered one at a time, also across nodes.
		this.locks.lock("client-request:" + contractId);
		Instant now = Instant.now(this.clock);
		ClientRequest request = this.requests
			.saveAndFlush(new ClientRequest(contractId, this.requests.lastSeq(contractId) + 1, what,
					form.cleanDescription(), dueOn, from, to, level, actor, now));
		List<Obligation> raised = this.obligations
			.raise(contractId, new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null),
					new Obligations.Occurrence(request.getNumber(), today, subject(request), request.source(), dueOn,
							owing),
					(requirement) -> requirement.equals(what.definition()))
			.stream()
			.filter((o) -> o.getRequirementKey().equals(what.key()))
			.toList();
		if (raised.isEmpty()) {
			// Rolls the request back: the officer is never told that something was sent.
			throw new InvalidInputProblem("requirement", "clientrequest.error.nothingRaised", what.clauseRef());
		}
		this.audit.record(AuditRecord.of("CLIENT_REQUESTED")
			.actor(actor)
			.target("ClientRequest", request.getId())
			.detail("contract", contractId)
			.detail("number", request.getNumber())
			.detail("clause", what.clauseRef())
			.detail("requirement", what.key())
			.detail("deliverable", what.deliverable().name())
			.detail("dueOn", dueOn.toString())
			.detail("periodFrom", (from != null) ? from.toString() : "")
			.detail("periodTo", (to != null) ? to.toString() : "")
			.detail("chainLevel", (level != null) ? level : 0)
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("owedBy", (owing != null) ? owing.organisationId() : null));
		return new Requested(request, raised);
	}

	/**
	 * The contractor's lead answers a request for logs with Itaku's own export of the log
	 * lines it holds for the request's period ({@link LogExport}): the CSV is submitted
	 * to every obligation of the request that awaits a submission, and its SHA-256 is
	 * recorded in the audit entry.
	 * @param actor the contractor's lead
	 * @param contractId the request's contract
	 * @param requestId the request
	 * @param comment the lead's comment, may be empty
	 * @return the answer: file name, hash, lines and the obligations submitted to
	 * @throws InvalidInputProblem when the request asks for no logs of a period, nothing
	 * awaits a submission, or Itaku holds no log line for the period
	 * @throws AccessDeniedProblem for anyone but the contractor's lead
	 * @throws NotFoundProblem when the request is not the actor's to see
	 */
	@Transactional
	public LogAnswer answerWithLogs(Actor actor, UUID contractId, UUID requestId, @Nullable String comment) {
		ClientRequest request = this.requests.findById(requestId)
			.filter((r) -> r.getContractId().equals(contractId))
			.orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = this.contracts.get(actor, request.getContractId());
		ContractRoles.require(ContractRoles.leadsForContractor(actor, contract));
		LocalDate from = request.getPeriodFrom();
		LocalDate to = request.getPeriodTo();
		if (!answerableWithLogs(request) || from == null || to == null) {
			throw new InvalidInputProblem("request", "clientrequest.error.notLogs");
		}
		List<Obligation> open = this.obligations.forContract(actor, contract.getId())
			.stream()
			.filter((o) -> request.source().equals(o.getSource()) && o.awaitsSubmission())
			.toList();
		if (open.isEmpty()) {
			throw new InvalidInputProblem("request", "clientrequest.error.nothingOpen");
		}
		if (open.stream().anyMatch((o) -> o.getOwedBy() != null)) {
			// Itaku's log lines are the contract's, uploaded by the contractor: not the
			// subcontractor's to export, nor the contractor's to answer for it.
			throw new InvalidInputProblem("request", "clientrequest.error.logsOfSubcontractor");
		}
		String fileName = "logs-" + contract.getNumber().replaceAll("[^0-9A-Za-z-]", "") + "-" + from + "-" + to
				+ ".csv";
		Path file = null;
		try {
			file = Files.createTempFile("itaku-request-logs-", ".csv");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long lines;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest);
					Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
				lines = this.logExport.export(actor, contract.getId(), from, to, writer);
			}
			if (lines == 0) {
				throw new InvalidInputProblem("request", "clientrequest.error.noLogLines", from.toString(),
						to.toString());
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			String text = (comment != null && !comment.isBlank()) ? comment.strip() : "";
			List<UUID> submitted = new ArrayList<>();
			for (Obligation obligation : open) {
				this.obligations.submit(actor, obligation.getId(), text,
						List.of(new Obligations.Upload(fileName, "text/csv", new FileSystemResource(file))));
				submitted.add(obligation.getId());
			}
			this.audit.record(AuditRecord.of("CLIENT_REQUEST_ANSWERED_WITH_LOGS")
				.actor(actor)
				.target("ClientRequest", request.getId())
				.detail("contract", contract.getId())
				.detail("number", request.getNumber())
				.detail("periodFrom", from.toString())
				.detail("periodTo", to.toString())
				.detail("file", fileName)
				.detail("lines", lines)
				.detail("sha256", sha256)
				.detail("obligations", submitted));
			return new LogAnswer(fileName, sha256, lines, submitted);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from the JVM", ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// The temporary file is the operating system's to clean up then.
				}
			}
		}
	}

	/**
	 * Returns whether the contractor may answer a request with Itaku's log export: it
	 * asks for logs (a log submission) of a period.
	 * @param request the request
	 * @return {@code true} when it may
	 */
	static boolean answerableWithLogs(ClientRequest request) {
		return request.getDeliverable() == Deliverable.LOG_SUBMISSION && request.getPeriodFrom() != null;
	}

	/**
	 * Returns what the client may ask for on a contract: the requirements of its profile
	 * that bind the contractor or a subcontractor to deliver a document when the client
	 * asks and apply to the contract's scope, in clause order.
	 * @param contract the contract
	 * @return the requestable requirements; empty when the profile gives the client no
	 * such right on this contract
	 */
	List<Requestable> offer(Contract contract) {
		List<Requestable> offer = new ArrayList<>();
		for (ClauseDefinition clause : this.catalog.get(contract.getProfileId()).definition().clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				RequirementDefinition r = clause.requirements().get(i);
				if (r.trigger() != null && r.trigger().type() == TriggerType.ON_REQUEST
						&& (r.party() == Party.CONTRACTOR || r.party() == Party.SUBCONTRACTOR)
						&& r.kind() != RequirementKind.CLIENT_RIGHT && r.deliverable() != null
						&& r.deliverable().form() == Deliverable.Form.DOCUMENT
						&& contract.getAttributes().containsAll(r.when())) {
					offer.add(new Requestable(clause.ref() + "#" + (i + 1), clause.ref(), r.deliverable(), r.summary(),
							(r.summaryEn() != null) ? r.summaryEn() : r.summary(), minimumPeriod(clause), r));
				}
			}
		}
		return offer;
	}

	/**
	 * Returns how far back the material a clause asks for must reach: the longest
	 * retention period its requirements set (Gunma 9: P3M), or {@code null}.
	 */
	private static @Nullable String minimumPeriod(ClauseDefinition clause) {
		@Nullable Period longest = null;
		@Nullable String text = null;
		for (RequirementDefinition r : clause.requirements()) {
			if (r.deadline() != null && r.deadline().type() == DeadlineType.RETENTION
					&& r.deadline().period() != null) {
				String period = Objects.requireNonNull(r.deadline().period());
				Period p = Period.parse(period);
				if (longest == null
						|| p.toTotalMonths() * 31 + p.getDays() > longest.toTotalMonths() * 31 + longest.getDays()) {
					longest = p;
					text = period;
				}
			}
		}
		return text;
	}

	/**
	 * Returns the approved subcontractor a request is aimed at, which then owes its
	 * obligation: the one named ({@code subcontractor}, which must take part in the
	 * contract's approved chain, at the level given if one is), or the only one at the
	 * level given. A level with several subcontractors needs the one meant named. No
	 * level and no subcontractor: the contractor owes it, as it always did.
	 */
	private @Nullable Owing owing(Contract contract, ClientRequestForm form, List<FieldProblem> problems) {
		SubcontractChain.Aim aim = SubcontractChain.aim(this.chain.of(contract), form.getChainLevel(),
				form.getSubcontractor());
		for (SubcontractChain.Refusal refusal : aim.refusals()) {
			problems.add(switch (refusal) {
				case LEVEL -> new FieldProblem("chainLevel", "clientrequest.error.chainLevel");
				case SUBCONTRACTOR -> new FieldProblem("subcontractor", "clientrequest.error.subcontractor");
				case AMBIGUOUS -> new FieldProblem("subcontractor", "clientrequest.error.subcontractorAmbiguous",
						form.getChainLevel());
			});
		}
		SubcontractChain.Link link = aim.link();
		return (link != null) ? new Owing(link.organisationId(), link.level()) : null;
	}

	/**
	 * Returns the approved subcontractors of a contract's chain with their levels (1: the
	 * contractor's own subcontractors).
	 * @param contract the contract
	 * @return the chain, shallowest first
	 */
	List<Owing> chain(Contract contract) {
		return this.chain.of(contract).stream().map((l) -> new Owing(l.organisationId(), l.level())).toList();
	}

	/**
	 * Returns the deepest level of the contract's subcontracting chain (1: the
	 * contractor's own subcontractors), 0 when nobody takes part besides the parties.
	 */
	private int deepestLevel(Contract contract) {
		return this.chain.of(contract).stream().mapToInt(SubcontractChain.Link::level).max().orElse(0);
	}

	/** Returns an ISO-8601 period in whole months, e.g. 3 for {@code P3M}. */
	private static long months(String period) {
		return Period.parse(period).toTotalMonths();
	}

	private static String subject(ClientRequest request) {
		String line = request.getDescription().lines().findFirst().orElse("");
		line = (line.length() > 60) ? line.substring(0, 60) + "…" : line;
		LocalDate from = request.getPeriodFrom();
		LocalDate to = request.getPeriodTo();
		String period = (from != null && to != null) ? "（" + Dates.wareki(from) + "〜" + Dates.wareki(to) + "）" : "";
		return request.getNumber() + " " + line + period;
	}

	/**
	 * A requirement the client may invoke.
	 *
	 * @param key the requirement's key, e.g. {@code 第22条第2項#4}, as obligations name it
	 * @param clauseRef its clause
	 * @param deliverable what answers it
	 * @param summary what it requires, in Japanese
	 * @param summaryEn the same in English
	 * @param minimumPeriod how far back the material must reach (ISO-8601, e.g.
	 * {@code P3M}), or {@code null}
	 * @param definition the requirement as the profile defines it
	 */
	public record Requestable(String key, String clauseRef, Deliverable deliverable, String summary, String summaryEn,
			@Nullable String minimumPeriod, RequirementDefinition definition) {

		/**
		 * Returns how far back the material must reach in months, 0 when the clause sets
		 * nothing.
		 * @return the months
		 */
		public long minimumMonths() {
			return (this.minimumPeriod != null) ? months(this.minimumPeriod) : 0;
		}

	}

	/**
	 * A request with the obligation it raised and where it stands.
	 *
	 * @param request the request
	 * @param obligations the obligations it raised
	 * @param state {@code REQUESTED} (awaiting the contractor, also after a return),
	 * {@code ANSWERED} (waiting for the client's review), {@code ACCEPTED} or
	 * {@code WAIVED}
	 * @param overdue past its due date with nothing submitted
	 * @param logExport whether the contractor may answer with Itaku's log export
	 */
	public record RequestView(ClientRequest request, List<Obligation> obligations, String state, boolean overdue,
			boolean logExport) {

		static RequestView of(ClientRequest request, List<Obligation> obligations, LocalDate today) {
			String state;
			if (!obligations.isEmpty()
					&& obligations.stream().allMatch((o) -> o.getStatus() == ObligationStatus.ACCEPTED)) {
				state = "ACCEPTED";
			}
			else if (!obligations.isEmpty()
					&& obligations.stream().allMatch((o) -> o.getStatus() == ObligationStatus.WAIVED)) {
				state = "WAIVED";
			}
			else if (obligations.stream().anyMatch(Obligation::awaitsSubmission)) {
				state = "REQUESTED";
			}
			else {
				state = "ANSWERED";
			}
			return new RequestView(request, obligations, state,
					"REQUESTED".equals(state) && request.getDueOn().isBefore(today),
					"REQUESTED".equals(state) && answerableWithLogs(request)
							&& obligations.stream().allMatch((o) -> o.getOwedBy() == null));
		}

		/**
		 * Returns the first obligation the request raised, for the link.
		 * @return the obligation, or {@code null} when none is visible
		 */
		public @Nullable Obligation obligation() {
			return this.obligations.isEmpty() ? null : this.obligations.get(0);
		}

	}

	/**
	 * A contract's requests.
	 *
	 * @param contract the contract
	 * @param requests its requests, newest first
	 * @param offer what the reader may ask for; empty when nothing
	 * @param mayRequest whether the reader decides for the client while its rights run
	 * @param deepestLevel the deepest level of the subcontracting chain (0: none)
	 * @param chain the approved subcontractors a request may be aimed at (empty for
	 * anyone who may not ask)
	 * @param names the names of the chain's subcontractors, for the requests they owe
	 */
	public record ContractRequests(Contract contract, List<RequestView> requests, List<Requestable> offer,
			boolean mayRequest, int deepestLevel, List<ChainMember> chain, Map<UUID, String> names) {
	}

	/**
	 * An approved subcontractor a request may be aimed at.
	 *
	 * @param organisationId its organisation
	 * @param level its level in the chain (1: the contractor's own subcontractors)
	 * @param name its name
	 */
	public record ChainMember(UUID organisationId, int level, String name) {
	}

	/**
	 * A request just made.
	 *
	 * @param request the request
	 * @param raised the obligations it raised, never empty
	 */
	public record Requested(ClientRequest request, List<Obligation> raised) {
	}

	/**
	 * A request answered with Itaku's log export.
	 *
	 * @param fileName the CSV's name
	 * @param sha256 its SHA-256, hex
	 * @param lines the log lines it holds
	 * @param obligations the obligations submitted to
	 */
	public record LogAnswer(String fileName, String sha256, long lines, List<UUID> obligations) {
	}

}
