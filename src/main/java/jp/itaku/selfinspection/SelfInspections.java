package jp.itaku.selfinspection;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly self-inspections (自己点検, Kadoma 11(1)). The checklist is generated from the
 * contract's profile and scope ({@link Checklist}); the contractor's lead or workers
 * answer it month by month (a "no" needs a corrective action with a due date); the lead
 * submits it, which renders the answered checklist as a written report (PDF/A) and
 * submits it to the month's SELF_INSPECTION_REPORT obligation, reviewed by the client
 * like any submission. Every party to the contract reads (the client and its auditors
 * included); another organisation finds nothing. Every change is audited.
 */
@Service
public class SelfInspections {

	/** How many unanswered questions a refused submission names. */
	private static final int NAMED_UNANSWERED = 5;

	private final SelfInspectionRepository inspections;

	private final SelfInspectionAnswerRepository answers;

	private final Contracts contracts;

	private final ClauseCatalog catalog;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final Documents documents;

	private final SelfInspectionReport report;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	SelfInspections(SelfInspectionRepository inspections, SelfInspectionAnswerRepository answers, Contracts contracts,
			ClauseCatalog catalog, Obligations obligations, Documents documents, SelfInspectionReport report,
			WorkingCalendar calendar, MessageSource messages, AuditTrail audit, Clock clock,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.inspections = inspections;
		this.answers = answers;
		this.contracts = contracts;
		this.catalog = catalog;
		this.obligations = obligations;
		this.documents = documents;
		this.report = report;
		this.calendar = calendar;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Returns the checklist of a contract, generated from its profile and scope.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the questions
	 * @throws jp.itaku.platform.NotFoundProblem when the actor is no party to it
	 */
	@Transactional(readOnly = true)
	public List<Question> checklist(Actor actor, UUID contractId) {
		return questions(this.contracts.get(actor, contractId));
	}

	/**
	 * Returns whether the actor answers the contract's self-inspections: a lead or worker
	 * of the contractor, while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may answer
	 */
	public boolean mayFill(Actor actor, Contract contract) {
		return ContractRoles.worksForContractor(actor, contract) && ContractRoles.isOpen(contract);
	}

	/**
	 * Returns whether the actor submits the contract's self-inspections: the contractor's
	 * lead.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may submit
	 */
	public boolean maySubmit(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractorWhileOpen(actor, contract);
	}

	/**
	 * Lists the months of the contract's period up to this month, each with its
	 * inspection's counts (the trend) and the month's obligation.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return one line per month, latest first
	 */
	@Transactional(readOnly = true)
	public List<MonthLine> months(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Map<String, SelfInspection> byMonth = new HashMap<>();
		for (SelfInspection inspection : this.inspections.findByContractIdOrderByMonthAsc(contractId)) {
			byMonth.put(inspection.getMonth().toString(), inspection);
		}
		YearMonth last = YearMonth.from(this.calendar.today());
		if (last.isAfter(YearMonth.from(contract.getPeriodEnd()))) {
			last = YearMonth.from(contract.getPeriodEnd());
		}
		List<MonthLine> lines = new ArrayList<>();
		for (YearMonth month = last; !month.isBefore(YearMonth.from(contract.getPeriodStart())); month = month
			.minusMonths(1)) {
			SelfInspection inspection = byMonth.remove(month.toString());
			lines.add(line(contractId, month, inspection));
		}
		for (SelfInspection later : byMonth.values()) {
			lines.add(0, line(contractId, later.getMonth(), later));
		}
		return lines;
	}

	private MonthLine line(UUID contractId, YearMonth month, @Nullable SelfInspection inspection) {
		Counts counts = (inspection != null)
				? Counts.of(this.answers.findByInspectionIdOrderByPositionAsc(inspection.getId()))
				: new Counts(0, 0, 0, 0);
		return new MonthLine(month, inspection, monthObligation(contractId, month), counts);
	}

	/**
	 * Returns a month's self-inspection: every question with its answer.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param month the month
	 * @return the month
	 * @throws InvalidInputProblem when the month is outside the contract's period
	 */
	@Transactional(readOnly = true)
	public Month month(Actor actor, UUID contractId, YearMonth month) {
		Contract contract = this.contracts.get(actor, contractId);
		requireInPeriod(contract, month);
		Optional<SelfInspection> inspection = this.inspections.findByContractIdAndMonth(contractId, month.toString());
		Map<String, SelfInspectionAnswer> answered = new HashMap<>();
		inspection.ifPresent((i) -> this.answers.findByInspectionIdOrderByPositionAsc(i.getId())
			.forEach((a) -> answered.put(a.getQuestionKey(), a)));
		ProfileDefinition profile = this.catalog.get(contract.getProfileId()).definition();
		List<Item> items = new ArrayList<>();
		for (Question question : Checklist.questions(profile, contract.getAttributes(), this.messages)) {
			items.add(new Item(question, answered.remove(question.key())));
		}
		Obligation obligation = monthObligation(contractId, month);
		boolean reopenable = obligation != null && obligation.getStatus() == ObligationStatus.RETURNED;
		boolean editable = inspection.map((i) -> i.isDraft() || reopenable).orElse(true);
		return new Month(contract, month, inspection.orElse(null), items, sections(profile, items), obligation,
				mayFill(actor, contract) && editable, maySubmit(actor, contract) && editable, mayFill(actor, contract));
	}

	/**
	 * Groups the checklist into sections: one per article (top-level clause) of the
	 * profile, in document order, then the typical practical items.
	 */
	private static List<Section> sections(ProfileDefinition profile, List<Item> items) {
		Map<String, ClauseDefinition> articles = Checklist.articles(profile);
		Map<String, List<Item>> grouped = new LinkedHashMap<>();
		Map<String, ClauseDefinition> heads = new HashMap<>();
		for (Item item : items) {
			ClauseDefinition article = item.question().typical() ? null : articles.get(item.question().ref());
			String key = item.question().typical() ? Checklist.TYPICAL_SECTION
					: (article != null) ? article.ref() : item.question().ref();
			grouped.computeIfAbsent(key, (k) -> new ArrayList<>()).add(item);
			if (article != null) {
				heads.put(key, article);
			}
		}
		List<Section> sections = new ArrayList<>();
		for (Map.Entry<String, List<Item>> group : grouped.entrySet()) {
			ClauseDefinition head = heads.get(group.getKey());
			boolean typical = Checklist.TYPICAL_SECTION.equals(group.getKey());
			sections.add(new Section(group.getKey(), typical ? null : group.getKey(),
					(head != null) ? head.heading() : null, List.copyOf(group.getValue())));
		}
		return List.copyOf(sections);
	}

	/**
	 * Saves a month's answers, replacing those saved before (a question not given is
	 * unanswered); a report the client returned becomes a draft again.
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param month the month
	 * @param inputs the answers, by question key
	 * @return the inspection
	 * @throws InvalidInputProblem for a "no" without a corrective action or its due date
	 * (naming the question), an unknown question, or when the month was submitted
	 */
	@Transactional
	public SelfInspection save(Actor actor, UUID contractId, YearMonth month, List<AnswerInput> inputs) {
		return store(actor, contractId, month, inputs, false);
	}

	/**
	 * Saves the answers given (one section of the checklist), leaving every other
	 * question as it was saved before; a report the client returned becomes a draft
	 * again.
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param month the month
	 * @param inputs the answers given, by question key
	 * @return the inspection
	 * @throws InvalidInputProblem for a "no" without a corrective action or its due date
	 * (naming the question), an unknown question, or when the month was submitted
	 */
	@Transactional
	public SelfInspection saveSection(Actor actor, UUID contractId, YearMonth month, List<AnswerInput> inputs) {
		return store(actor, contractId, month, inputs, true);
	}

	private SelfInspection store(Actor actor, UUID contractId, YearMonth month, List<AnswerInput> inputs,
			boolean keepOthers) {
		Contract contract = fillable(actor, contractId);
		requireInPeriod(contract, month);
		List<Question> questions = questions(contract);
		Map<String, Integer> inputIndex = new LinkedHashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			String key = inputs.get(i).key();
			if (key == null || questions.stream().noneMatch((q) -> q.key().equals(key))) {
				throw new InvalidInputProblem("answers[" + i + "].key", "selfinspection.unknownQuestion", key);
			}
			inputIndex.put(key, i);
		}
		Instant now = Instant.now(this.clock);
		SelfInspection inspection = this.inspections.findByContractIdAndMonth(contractId, month.toString()).map((i) -> {
			Obligation obligation = monthObligation(contractId, month);
			i.saved(actor.userId(), now, obligation != null && obligation.getStatus() == ObligationStatus.RETURNED);
			return i;
		}).orElseGet(() -> this.inspections.save(new SelfInspection(contractId, month, actor.userId(), now)));
		Map<String, SelfInspectionAnswer> rows = rows(inspection);
		int position = 0;
		Counts before = Counts.of(rows.values());
		List<FieldProblem> problems = new ArrayList<>();
		for (Question question : questions) {
			SelfInspectionAnswer row = rows.computeIfAbsent(question.key(),
					(k) -> this.answers.save(new SelfInspectionAnswer(inspection.getId(), question)));
			row.ask(question, position++);
			Integer index = inputIndex.get(question.key());
			AnswerInput input = (index != null) ? inputs.get(index) : null;
			String field = "answers[" + ((index != null) ? index : question.key()) + "]";
			try {
				if (input == null && keepOthers) {
					continue;
				}
				if (input == null) {
					row.answer(null, null, null, null, field);
				}
				else {
					row.answer(input.answer(), input.remarks(), input.correctiveAction(), input.actionDue(), field);
				}
			}
			catch (InvalidInputProblem problem) {
				problems.addAll(problem.getFieldProblems());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		// Questions no longer asked (the contract's scope changed) leave the draft.
		for (SelfInspectionAnswer row : List.copyOf(rows.values())) {
			if (questions.stream().noneMatch((q) -> q.key().equals(row.getQuestionKey()))) {
				this.answers.delete(row);
				rows.remove(row.getQuestionKey());
			}
		}
		Counts after = Counts.of(rows.values());
		this.audit.record(AuditRecord.of("SELF_INSPECTION_SAVED")
			.actor(actor)
			.target("SelfInspection", inspection.getId())
			.detail("contract", contractId)
			.detail("month", month.toString())
			.detail("yes", after.yes())
			.detail("no", after.no())
			.detail("notApplicable", after.notApplicable())
			.detail("unansweredBefore", before.unanswered())
			.detail("unanswered", after.unanswered())
			.detail("questionsGiven", keepOthers ? inputs.size() : questions.size()));
		return inspection;
	}

	/**
	 * Submits a month's self-inspection: every question must be answered; renders the
	 * answered checklist as a written report and submits it to the month's open (or
	 * returned) SELF_INSPECTION_REPORT obligation.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param month the month
	 * @return the inspection
	 * @throws InvalidInputProblem when nothing was saved, a question is unanswered
	 * (naming it), or it was submitted already
	 */
	@Transactional
	public SelfInspection submit(Actor actor, UUID contractId, YearMonth month) {
		Contract contract = fillable(actor, contractId);
		if (!maySubmit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		requireInPeriod(contract, month);
		SelfInspection inspection = this.inspections.findByContractIdAndMonth(contractId, month.toString())
			.orElseThrow(() -> new InvalidInputProblem("inspection", "selfinspection.nothingToSubmit"));
		if (!inspection.isDraft()) {
			throw new InvalidInputProblem("inspection", "selfinspection.alreadySubmitted");
		}
		List<SelfInspectionAnswer> rows = this.answers.findByInspectionIdOrderByPositionAsc(inspection.getId());
		List<SelfInspectionAnswer> unanswered = rows.stream().filter((row) -> row.getAnswer() == null).toList();
		if (!unanswered.isEmpty()) {
			throw unanswered(unanswered);
		}
		Instant now = Instant.now(this.clock);
		byte[] pdf = this.report.render(contract, month, rows, ItakuTime.inTokyo(now).toLocalDate());
		String fileName = this.report.fileName(month);
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		inspection.submitted(actor.userId(), document.key(), document.sha256(), document.fileName(), now);
		List<UUID> submitted = this.obligations.submitFor(actor, contractId, Deliverable.SELF_INSPECTION_REPORT,
				month.toString(), this.report.comment(month, Counts.of(rows)),
				List.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf))));
		Counts counts = Counts.of(rows);
		this.audit.record(AuditRecord.of("SELF_INSPECTION_SUBMITTED")
			.actor(actor)
			.target("SelfInspection", inspection.getId())
			.detail("contract", contractId)
			.detail("month", month.toString())
			.detail("yes", counts.yes())
			.detail("no", counts.no())
			.detail("notApplicable", counts.notApplicable())
			.detail("sha256", document.sha256())
			.detail("obligations", submitted));
		return inspection;
	}

	/**
	 * Attaches evidence to a question of a month's inspection (the file goes through the
	 * document store: hashed and scanned).
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param month the month
	 * @param questionKey the question
	 * @param fileName the file's name
	 * @param contentType the declared type
	 * @param content the file
	 * @return the answer
	 * @throws InvalidInputProblem when the question was not saved yet or the month was
	 * submitted, or the file is refused
	 */
	@Transactional
	public SelfInspectionAnswer attachEvidence(Actor actor, UUID contractId, YearMonth month, String questionKey,
			@Nullable String fileName, @Nullable String contentType, byte[] content) {
		fillable(actor, contractId);
		SelfInspection inspection = this.inspections.findByContractIdAndMonth(contractId, month.toString())
			.filter(SelfInspection::isDraft)
			.orElseThrow(() -> new InvalidInputProblem("file", "selfinspection.evidence.notDraft"));
		SelfInspectionAnswer row = rows(inspection).get(questionKey);
		if (row == null) {
			throw new InvalidInputProblem("question", "selfinspection.unknownQuestion", questionKey);
		}
		if (content == null || content.length == 0) {
			throw new InvalidInputProblem("file", "selfinspection.evidence.empty");
		}
		UploadedDocument document = this.documents.accept(fileName, contentType, new ByteArrayInputStream(content));
		row.evidence(document.key(), document.fileName(), document.sha256());
		this.audit.record(AuditRecord.of("SELF_INSPECTION_EVIDENCE_ADDED")
			.actor(actor)
			.target("SelfInspection", inspection.getId())
			.detail("question", questionKey)
			.detail("file", document.fileName())
			.detail("sha256", document.sha256()));
		return row;
	}

	/**
	 * Opens the evidence attached to an answer, for a party to the contract; the view is
	 * audited.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param answerId the answer
	 * @return the answer and its evidence; the caller closes the stream
	 * @throws NotFoundProblem when the answer is not the contract's or has no evidence
	 */
	@Transactional
	public OpenedEvidence openEvidence(Actor actor, UUID contractId, UUID answerId) {
		this.contracts.get(actor, contractId);
		SelfInspectionAnswer row = this.answers.findById(answerId)
			.filter((a) -> a.getEvidenceKey() != null)
			.filter((a) -> this.inspections.findById(a.getInspectionId())
				.map((i) -> i.getContractId().equals(contractId))
				.orElse(false))
			.orElseThrow(() -> new NotFoundProblem("selfinspection.evidence"));
		this.audit.record(AuditRecord.of("SELF_INSPECTION_EVIDENCE_VIEWED")
			.actor(actor)
			.target("SelfInspection", row.getInspectionId())
			.detail("question", row.getQuestionKey())
			.detail("sha256", row.getEvidenceSha256()));
		return new OpenedEvidence(row, this.documents.open(row.getEvidenceKey()));
	}

	/**
	 * Marks a corrective action done, today (also after the report was submitted).
	 * @param actor a lead or worker of the contractor
	 * @param contractId the contract
	 * @param answerId the answer whose action was done
	 * @return the answer
	 * @throws InvalidInputProblem when it has no open corrective action
	 */
	@Transactional
	public SelfInspectionAnswer completeAction(Actor actor, UUID contractId, UUID answerId) {
		fillable(actor, contractId);
		SelfInspectionAnswer row = this.answers.findById(answerId)
			.filter((a) -> this.inspections.findById(a.getInspectionId())
				.map((i) -> i.getContractId().equals(contractId))
				.orElse(false))
			.orElseThrow(() -> new InvalidInputProblem("action", "selfinspection.action.notOpen"));
		LocalDate today = this.calendar.today();
		row.actionDone(today);
		this.audit.record(AuditRecord.of("SELF_INSPECTION_ACTION_DONE")
			.actor(actor)
			.target("SelfInspection", row.getInspectionId())
			.detail("question", row.getQuestionKey())
			.detail("doneOn", today.toString()));
		return row;
	}

	/**
	 * The refusal of a submission with questions unanswered: how many, naming the first
	 * {@value #NAMED_UNANSWERED} of them by clause reference and question.
	 */
	private static InvalidInputProblem unanswered(List<SelfInspectionAnswer> unanswered) {
		if (unanswered.size() == 1) {
			return new InvalidInputProblem("answers", "selfinspection.unansweredQuestion",
					unanswered.get(0).getClauseRef(), unanswered.get(0).getQuestion());
		}
		String named = String.join("、",
				unanswered.stream()
					.limit(NAMED_UNANSWERED)
					.map((row) -> row.getClauseRef() + " " + row.getQuestion())
					.toList());
		String count = String.valueOf(unanswered.size());
		return (unanswered.size() > NAMED_UNANSWERED)
				? new InvalidInputProblem("answers", "selfinspection.unansweredQuestionsMore", count, named,
						String.valueOf(unanswered.size() - NAMED_UNANSWERED))
				: new InvalidInputProblem("answers", "selfinspection.unansweredQuestions", count, named);
	}

	private Map<String, SelfInspectionAnswer> rows(SelfInspection inspection) {
		Map<String, SelfInspectionAnswer> rows = new LinkedHashMap<>();
		for (SelfInspectionAnswer row : this.answers.findByInspectionIdOrderByPositionAsc(inspection.getId())) {
			rows.put(row.getQuestionKey(), row);
		}
		return rows;
	}

	private List<Question> questions(Contract contract) {
		return Checklist.questions(this.catalog.get(contract.getProfileId()).definition(), contract.getAttributes(),
				this.messages);
	}

	private @Nullable Obligation monthObligation(UUID contractId, YearMonth month) {
		List<Obligation> found = this.obligationReads.findUnscoped(contractId, Deliverable.SELF_INSPECTION_REPORT,
				month.toString());
		return found.isEmpty() ? null : found.get(0);
	}

	private Contract fillable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayFill(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	private static void requireInPeriod(Contract contract, YearMonth month) {
		if (month.isBefore(YearMonth.from(contract.getPeriodStart()))
				|| month.isAfter(YearMonth.from(contract.getPeriodEnd()))) {
			throw new InvalidInputProblem("month", "selfinspection.outsidePeriod");
		}
	}

	/**
	 * How a month was answered.
	 *
	 * @param yes questions answered yes
	 * @param no questions answered no
	 * @param notApplicable questions answered not applicable
	 * @param unanswered questions not answered yet
	 * @param openActions corrective actions not done yet
	 */
	public record Counts(int yes, int no, int notApplicable, int unanswered, int openActions) {

		Counts(int yes, int no, int notApplicable, int unanswered) {
			this(yes, no, notApplicable, unanswered, 0);
		}

		static Counts ofItems(List<Item> items) {
			List<SelfInspectionAnswer> rows = new ArrayList<>();
			int never = 0;
			for (Item item : items) {
				if (item.answer() != null) {
					rows.add(item.answer());
				}
				else {
					never++;
				}
			}
			Counts saved = of(rows);
			return new Counts(saved.yes(), saved.no(), saved.notApplicable(), saved.unanswered() + never,
					saved.openActions());
		}

		/**
		 * Returns how many questions were answered.
		 * @return yes, no and not applicable together
		 */
		public int answered() {
			return this.yes + this.no + this.notApplicable;
		}

		static Counts of(Iterable<SelfInspectionAnswer> rows) {
			int yes = 0;
			int no = 0;
			int na = 0;
			int open = 0;
			int unanswered = 0;
			for (SelfInspectionAnswer row : rows) {
				if (row.getAnswer() == null) {
					unanswered++;
				}
				else if (row.getAnswer() == Answer.YES) {
					yes++;
				}
				else if (row.getAnswer() == Answer.NO) {
					no++;
				}
				else {
					na++;
				}
				if (row.isActionOpen()) {
					open++;
				}
			}
			return new Counts(yes, no, na, unanswered, open);
		}

	}

	/**
	 * A month of the contract's period, for the list and trend.
	 *
	 * @param month the month
	 * @param inspection its inspection, or {@code null} when none was started
	 * @param obligation the month's SELF_INSPECTION_REPORT obligation, or {@code null}
	 * @param counts how it was answered
	 */
	public record MonthLine(YearMonth month, @Nullable SelfInspection inspection, @Nullable Obligation obligation,
			Counts counts) {
	}

	/**
	 * Evidence opened for reading.
	 *
	 * @param answer the answer it is attached to
	 * @param content the file; the caller closes it
	 */
	public record OpenedEvidence(SelfInspectionAnswer answer, InputStream content) {
	}

	/**
	 * A question with its answer.
	 *
	 * @param question the question
	 * @param answer its saved answer, or {@code null}
	 */
	public record Item(Question question, @Nullable SelfInspectionAnswer answer) {
	}

	/**
	 * A section of the checklist, answered and read one at a time: the questions of one
	 * article of the profile, or the typical practical items.
	 *
	 * @param key its key in the page's address ({@code ?section=}): the article's
	 * reference, or {@code typical}
	 * @param ref the article's reference, or {@code null} for the typical items
	 * @param heading the article's heading, or {@code null}
	 * @param items its questions with their answers, in checklist order
	 */
	public record Section(String key, @Nullable String ref, @Nullable String heading, List<Item> items) {

		/**
		 * Returns how the section was answered.
		 * @return the counts
		 */
		public Counts counts() {
			return Counts.ofItems(this.items);
		}

		/**
		 * Returns whether this is the section of the typical practical items.
		 * @return {@code true} for the typical items
		 */
		public boolean typical() {
			return this.ref == null;
		}

	}

	/**
	 * A month's self-inspection.
	 *
	 * @param contract the contract
	 * @param month the month
	 * @param inspection the inspection, or {@code null} when nothing was saved
	 * @param items every question of the checklist with its answer
	 * @param sections the same questions by section
	 * @param obligation the month's SELF_INSPECTION_REPORT obligation, or {@code null}
	 * @param mayFill whether the actor may answer now
	 * @param maySubmit whether the actor may submit now
	 * @param mayCompleteActions whether the actor may mark corrective actions done
	 */
	public record Month(Contract contract, YearMonth month, @Nullable SelfInspection inspection, List<Item> items,
			List<Section> sections, @Nullable Obligation obligation, boolean mayFill, boolean maySubmit,
			boolean mayCompleteActions) {

		/**
		 * Returns how the whole checklist was answered.
		 * @return the counts
		 */
		public Counts counts() {
			return Counts.ofItems(this.items);
		}

		/**
		 * Returns a section by its key.
		 * @param key the key, or {@code null}
		 * @return the section, or {@code null} when there is none of that key
		 */
		public @Nullable Section section(@Nullable String key) {
			return this.sections.stream().filter((s) -> s.key().equals(key)).findFirst().orElse(null);
		}

		/**
		 * Returns the section of a question.
		 * @param questionKey the question's key
		 * @return its section, or {@code null} for a question not asked
		 */
		public @Nullable Section sectionOf(String questionKey) {
			return this.sections.stream()
				.filter((s) -> s.items().stream().anyMatch((i) -> i.question().key().equals(questionKey)))
				.findFirst()
				.orElse(null);
		}

		/**
		 * Returns the first section with a question not answered yet.
		 * @return the section, or {@code null} when every question is answered
		 */
		public @Nullable Section firstUnanswered() {
			return this.sections.stream().filter((s) -> s.counts().unanswered() > 0).findFirst().orElse(null);
		}

		/**
		 * Returns the section after another.
		 * @param section a section of this month
		 * @return the next section, or {@code null} after the last
		 */
		public @Nullable Section after(Section section) {
			int index = this.sections.indexOf(section);
			return (index >= 0 && index + 1 < this.sections.size()) ? this.sections.get(index + 1) : null;
		}

		/**
		 * Returns the section before another.
		 * @param section a section of this month
		 * @return the previous section, or {@code null} before the first
		 */
		public @Nullable Section before(Section section) {
			int index = this.sections.indexOf(section);
			return (index > 0) ? this.sections.get(index - 1) : null;
		}

		/**
		 * Returns the non-conforming answers (いいえ), which the client reads first.
		 * @return the questions answered "no", in checklist order
		 */
		public List<Item> nonConforming() {
			return this.items.stream()
				.filter((i) -> i.answer() != null && i.answer().getAnswer() == Answer.NO)
				.toList();
		}

	}

}
