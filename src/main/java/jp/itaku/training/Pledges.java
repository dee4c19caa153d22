package jp.itaku.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSummary;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Sha256;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers' pledges (誓約書, Kadoma 1(2)(3); Setagaya 1, 5, 11, 15 and Nerima 11–14 as the
 * rules pledged). The contractor's lead generates a pledge from the contract's profile
 * and records the signed scan; the worker may instead acknowledge it with their own
 * account — nobody else can. A signed pledge is submitted to the PLEDGE obligations.
 * Reads are scoped through the contract; every change and every view of a pledge (it
 * names a person) is audited.
 */
@Service
public class Pledges {

	private static final String WHAT = "training.pledge.entity";

	private final PledgeRepository pledges;

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final ClauseCatalog catalog;

	private final OrganisationSystemReads organisationReads;

	private final Documents documents;

	private final Filings filings;

	private final MessageSource messages;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	Pledges(PledgeRepository pledges, Rosters rosters, Contracts contracts, ClauseCatalog catalog, Documents documents,
			Filings filings, MessageSource messages, WorkingCalendar calendar, AuditTrail audit, Clock clock,
			ContractSystemReads contractReads, OrganisationSystemReads organisationReads,
			RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.organisationReads = organisationReads;
		this.contractReads = contractReads;
		this.pledges = pledges;
		this.rosters = rosters;
		this.contracts = contracts;
		this.catalog = catalog;
		this.documents = documents;
		this.filings = filings;
		this.messages = messages;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Generates a worker's pledge from the contract's profile.
	 * @param actor the contractor's lead
	 * @param memberId the roster member
	 * @param date the pledge's date
	 * @return the pledge, unsigned
	 * @throws InvalidInputProblem when no date is given, the worker has left, or an
	 * unsigned pledge is already waiting
	 */
	@Transactional
	public Pledge generate(Actor actor, UUID memberId, @Nullable LocalDate date) {
		RosterMember member = member(memberId);
		Contract contract = keeper(actor, member);
		if (date == null) {
			throw new InvalidInputProblem("pledgeDate", "validation.required");
		}
		if (member.getStatus() == MemberStatus.LEFT) {
			throw new InvalidInputProblem("member", "training.pledge.memberLeft");
		}
		if (this.pledges.findByMemberIdOrderByCreatedAtDesc(memberId).stream().anyMatch((p) -> !p.isSigned())) {
			throw new InvalidInputProblem("member", "training.pledge.unsignedExists");
		}
		String body = text(contract, member, date).body();
		byte[] pdf = PledgeText.pdf(body, message("training.pledge.signature"), null);
		UploadedDocument document = this.documents.accept(fileName(member), "application/pdf",
				new ByteArrayInputStream(pdf));
		Pledge pledge = this.pledges.save(new Pledge(contract.getId(), memberId, date, body, Sha256.of(body),
				document.key(), document.sha256(), actor.userId(), Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("PLEDGE_GENERATED")
			.actor(actor)
			.target("Pledge", pledge.getId())
			.detail("contract", contract.getId())
			.detail("member", memberId)
			.detail("date", date)
			.detail("textSha256", pledge.getBodySha256()));
		return pledge;
	}

	/**
	 * Composes the text a worker's pledge would have, without storing it.
	 * @param contract the contract
	 * @param member the worker
	 * @param date the pledge's date
	 * @return the text
	 */
	PledgeText text(Contract contract, RosterMember member, LocalDate date) {
		ProfileDefinition profile = this.catalog.get(contract.getProfileId()).definition();
		// A subcontractor's worker pledges as its own organisation's, naming the
		// contractor
		// it works for.
		String organisation = member.getOrganisationId().equals(contract.getContractorOrganisationId())
				? organisationName(contract.getContractorOrganisationId())
				: message("training.pledge.subcontractorOf", organisationName(member.getOrganisationId()),
						organisationName(contract.getContractorOrganisationId()));
		PledgeText.Parties parties = new PledgeText.Parties(organisationName(contract.getClientOrganisationId()),
				organisation, contract.getNumber(), contract.getTitle(), profile.issuer(), profile.title(),
				member.getName(), member.getAffiliation());
		return PledgeText.compose(this.messages, parties, PledgeText.rules(profile, contract.getAttributes()), date);
	}

	/**
	 * Records the worker's own acknowledgement: only the account linked to the roster
	 * member may, and only of the text they were shown.
	 * @param actor the worker
	 * @param pledgeId the pledge
	 * @param shownSha256 the SHA-256 of the text the worker read
	 * @return the signed pledge
	 * @throws AccessDeniedProblem for anyone but the worker themself
	 * @throws InvalidInputProblem when already signed or the text changed
	 */
	@Transactional
	public Pledge acknowledge(Actor actor, UUID pledgeId, @Nullable String shownSha256) {
		Pledge pledge = scoped(actor, pledgeId);
		RosterMember member = member(pledge.getMemberId());
		if (!isWorkerThemself(actor, member)) {
			throw new AccessDeniedProblem("training.pledge.notYours");
		}
		if (member.getStatus() == MemberStatus.LEFT) {
			throw new InvalidInputProblem("member", "training.pledge.memberLeft");
		}
		pledge.acknowledge(actor.userId(), shownSha256, this.calendar.today(), Instant.now(this.clock));
		this.audit.record(AuditRecord.of("PLEDGE_ACKNOWLEDGED")
			.actor(actor)
			.target("Pledge", pledgeId)
			.detail("contract", pledge.getContractId())
			.detail("member", member.getId())
			.detail("textSha256", pledge.getBodySha256())
			.detail("signedAt", pledge.getSignedAt()));
		return pledge;
	}

	/**
	 * Records the scan of the paper the worker signed.
	 * @param actor the contractor's lead
	 * @param pledgeId the pledge
	 * @param signedOn the date on the signed paper
	 * @param fileName the uploaded file's name
	 * @param contentType its declared type
	 * @param content its content
	 * @return the signed pledge
	 * @throws InvalidInputProblem when the file is refused, no date is given, or the
	 * pledge is already signed
	 */
	@Transactional
	public Pledge uploadSigned(Actor actor, UUID pledgeId, LocalDate signedOn, @Nullable String fileName,
			@Nullable String contentType, @Nullable InputStream content) {
		Pledge pledge = scoped(actor, pledgeId);
		keeper(actor, member(pledge.getMemberId()));
		if (pledge.isSigned()) {
			throw new InvalidInputProblem("pledge", "training.pledge.alreadySigned");
		}
		if (content == null) {
			throw new InvalidInputProblem("file", "training.file.required");
		}
		if (signedOn == null) {
			throw new InvalidInputProblem("signedOn", "validation.required");
		}
		UploadedDocument document = this.documents.accept(fileName, contentType, content);
		pledge.signedByUpload(actor.userId(), signedOn, document.key(), document.sha256(), document.fileName(),
				Instant.now(this.clock));
		this.audit.record(AuditRecord.of("PLEDGE_SIGNED_UPLOADED")
			.actor(actor)
			.target("Pledge", pledgeId)
			.detail("contract", pledge.getContractId())
			.detail("member", pledge.getMemberId())
			.detail("signedOn", signedOn)
			.detail("sha256", document.sha256())
			.detail("scan", document.scan().status()));
		return pledge;
	}

	/**
	 * Submits a signed pledge to a PLEDGE obligation of its contract: the signed scan, or
	 * for an acknowledged pledge its text with the record of the acknowledgement.
	 * @param actor the contractor's lead
	 * @param pledgeId the pledge
	 * @param obligationId the obligation, open or returned, with deliverable PLEDGE
	 * @return where it was filed
	 */
	@Transactional
	public TrainingFiling submit(Actor actor, UUID pledgeId, UUID obligationId) {
		Pledge pledge = scoped(actor, pledgeId);
		Contract contract = editable(actor, pledge.getContractId());
		if (!pledge.isSigned()) {
			throw new InvalidInputProblem("pledge", "training.pledge.notSigned");
		}
		RosterMember member = member(pledge.getMemberId());
		byte[] pdf = (pledge.getSignedVia() == Pledge.SignedVia.UPLOAD) ? signedScan(pledge) : signedPdf(pledge);
		String name = (pledge.getSignedVia() == Pledge.SignedVia.UPLOAD) ? pledge.getSignedFileName()
				: fileName(member);
		TrainingFiling filing = this.filings.file(actor, contract, TrainingFiling.Subject.PLEDGE, pledgeId,
				obligationId, Deliverable.PLEDGE, name, pdf,
				message("training.pledge.submitComment", member.getName()));
		this.audit.record(AuditRecord.of("PLEDGE_FILED")
			.actor(actor)
			.target("Pledge", pledgeId)
			.detail("obligation", obligationId)
			.detail("submission", filing.getSubmissionId())
			.detail("sha256", filing.getSha256()));
		return filing;
	}

	/**
	 * Returns one pledge for a party to its contract.
	 * @param actor the acting user
	 * @param pledgeId the pledge
	 * @return the pledge with its worker, contract and what the actor may do
	 */
	@Transactional(readOnly = true)
	public PledgeDetail detail(Actor actor, UUID pledgeId) {
		Pledge pledge = scoped(actor, pledgeId);
		Contract contract = this.contracts.getAsParticipant(actor, pledge.getContractId());
		RosterMember member = member(pledge.getMemberId());
		boolean mayRecord = this.rosters.mayEdit(actor, contract)
				&& member.getOrganisationId().equals(actor.organisationId());
		// The contractor submits every signed pledge, its subcontractors' too.
		boolean maySubmit = ContractRoles.isParty(actor, contract) && this.rosters.mayEdit(actor, contract);
		return new PledgeDetail(pledge, member, contract,
				!pledge.isSigned() && isWorkerThemself(actor, member) && member.getStatus() != MemberStatus.LEFT,
				mayRecord, maySubmit, this.filings.of(pledgeId),
				(maySubmit && pledge.isSigned()) ? openFor(actor, contract, member) : List.of());
	}

	/**
	 * Lists the PLEDGE obligations a worker's pledge may be submitted to, the one raised
	 * when this worker joined (e.g. Kadoma 1(2), key {@code JOIN-<memberId>}) first.
	 */
	private List<Obligation> openFor(Actor actor, Contract contract, RosterMember member) {
		String joined = "JOIN-" + member.getId();
		List<Obligation> open = new ArrayList<>(this.filings.open(actor, contract.getId(), Deliverable.PLEDGE));
		open.sort(Comparator.comparing((Obligation o) -> !joined.equals(o.getPeriodKey())));
		return open;
	}

	/**
	 * Lists the pledges of a contract's workers.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the pledges, newest first
	 */
	@Transactional(readOnly = true)
	public List<Pledge> ofContract(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		Map<UUID, UUID> organisationOf = this.rosterReads.membersUnscoped(contractId)
			.stream()
			.collect(Collectors.toMap(RosterMember::getId, RosterMember::getOrganisationId));
		return this.pledges.findByContractIdOrderByCreatedAtDesc(contractId)
			.stream()
			.filter((p) -> part.sees(organisationOf.get(p.getMemberId())))
			.toList();
	}

	/**
	 * Lists the pledges addressed to the signed-in user: those of the roster members
	 * whose linked account is theirs.
	 * @param actor the acting user
	 * @return the pledges with their worker and contract, unsigned first
	 */
	@Transactional(readOnly = true)
	public List<PledgeDetail> mine(Actor actor) {
		List<PledgeDetail> mine = new ArrayList<>();
		List<Contract> contracts = new ArrayList<>(this.contracts.list(actor));
		// A subcontractor's worker pledges on the contracts it takes part in.
		for (ContractSummary summary : this.contracts.summaries(actor)) {
			if (contracts.stream().noneMatch((c) -> c.getId().equals(summary.id()))) {
				this.contractReads.findUnscoped(summary.id()).ifPresent(contracts::add);
			}
		}
		for (Contract contract : contracts) {
			for (RosterMember member : this.rosterReads.membersUnscoped(contract.getId())) {
				if (!isWorkerThemself(actor, member)) {
					continue;
				}
				for (Pledge pledge : this.pledges.findByMemberIdOrderByCreatedAtDesc(member.getId())) {
					mine.add(new PledgeDetail(pledge, member, contract,
							!pledge.isSigned() && member.getStatus() != MemberStatus.LEFT, false, false, List.of(),
							List.of()));
				}
			}
		}
		mine.sort((a, b) -> Boolean.compare(a.pledge().isSigned(), b.pledge().isSigned()));
		return mine;
	}

	/**
	 * Opens a pledge's document for a party to the contract; the view is audited.
	 * @param actor the acting user
	 * @param pledgeId the pledge
	 * @param signed {@code true} for the uploaded signed scan, {@code false} for the
	 * generated form (with the acknowledgement when acknowledged)
	 * @return the file
	 * @throws NotFoundProblem when there is no such document
	 */
	@Transactional
	public OpenedFile open(Actor actor, UUID pledgeId, boolean signed) {
		Pledge pledge = scoped(actor, pledgeId);
		RosterMember member = member(pledge.getMemberId());
		this.audit
			.record(AuditRecord.of("PLEDGE_VIEWED").actor(actor).target("Pledge", pledgeId).detail("signed", signed));
		if (signed) {
			if (pledge.getSignedDocumentKey() == null) {
				throw new NotFoundProblem("document.entity");
			}
			return new OpenedFile(pledge.getSignedFileName(), this.documents.open(pledge.getSignedDocumentKey()));
		}
		return new OpenedFile(fileName(member), new ByteArrayInputStream(signedPdf(pledge)));
	}

	/**
	 * Returns whether the actor is the worker the pledge is addressed to.
	 * @param actor the acting user
	 * @param member the roster member
	 * @return {@code true} when the member's linked account is the actor's
	 */
	static boolean isWorkerThemself(Actor actor, RosterMember member) {
		return member.getUserId() != null && member.getUserId().equals(actor.userId());
	}

	private byte[] signedScan(Pledge pledge) {
		try (InputStream in = this.documents.open(pledge.getSignedDocumentKey())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// a pledge signed by acknowledgement has its signing instant (Pledge.acknowledge sets
	// both)
	@SuppressWarnings("NullAway")
	private byte[] signedPdf(Pledge pledge) {
		String note = null;
		if (pledge.getSignedVia() == Pledge.SignedVia.ACKNOWLEDGEMENT) {
			note = message("training.pledge.acknowledgedNote",
					ItakuTime.inTokyo(pledge.getSignedAt()).toLocalDateTime().withNano(0).toString().replace('T', ' '),
					pledge.getBodySha256());
		}
		else if (pledge.getSignedVia() == Pledge.SignedVia.UPLOAD) {
			note = message("training.pledge.uploadedNote", pledge.getSignedSha256());
		}
		return PledgeText.pdf(pledge.getBody(), message("training.pledge.signature"), note);
	}

	/**
	 * A pledge is seen by the parties and by the subcontractor whose worker gave it (and
	 * the levels above that subcontractor).
	 */
	private Pledge scoped(Actor actor, UUID pledgeId) {
		Pledge pledge = this.pledges.findById(pledgeId).orElseThrow(() -> new NotFoundProblem(WHAT));
		this.contracts.getForRecord(actor, pledge.getContractId(), member(pledge.getMemberId()).getOrganisationId(),
				WHAT);
		return pledge;
	}

	/**
	 * Returns the contract of a worker whose pledge the actor keeps: a lead of the
	 * worker's own organisation, the contractor or an approved subcontractor.
	 */
	private Contract keeper(Actor actor, RosterMember member) {
		Contract contract = this.contracts.getAsParticipant(actor, member.getContractId());
		if (!this.rosters.mayEdit(actor, contract) || !member.getOrganisationId().equals(actor.organisationId())) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	private RosterMember member(UUID memberId) {
		return this.rosterReads.findUnscoped(memberId).orElseThrow(() -> new NotFoundProblem("roster.member.entity"));
	}

	private Contract editable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!this.rosters.mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private static String fileName(RosterMember member) {
		return "誓約書_" + member.getName().replaceAll("[\\\\/:*?\"<>|\\s]+", "") + ".pdf";
	}

	private String message(String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

	/**
	 * A pledge with what a page shows about it.
	 *
	 * @param pledge the pledge
	 * @param member its worker
	 * @param contract its contract
	 * @param mayAcknowledge the actor is the worker and may acknowledge it now
	 * @param mayRecord the actor is a lead of the worker's own organisation and keeps the
	 * pledge (records the signed scan)
	 * @param maySubmit the actor is the contractor's lead, who submits it to the client
	 * @param filings where it was submitted
	 * @param openObligations the PLEDGE obligations it may be submitted to
	 */
	public record PledgeDetail(Pledge pledge, RosterMember member, Contract contract, boolean mayAcknowledge,
			boolean mayRecord, boolean maySubmit, List<TrainingFiling> filings, List<Obligation> openObligations) {
	}

	/**
	 * A document opened for reading.
	 *
	 * @param fileName its name
	 * @param content its content; the caller closes it
	 */
	public record OpenedFile(@Nullable String fileName, InputStream content) {
	}

}
