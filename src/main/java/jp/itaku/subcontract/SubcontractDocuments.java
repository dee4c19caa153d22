package jp.itaku.subcontract;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.database.TransactionLocks;
import jp.itaku.roster.RosterChange;
import jp.itaku.roster.RosterSystemReads;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subcontractor's own documents carried by a subcontract application (Setagaya 4: the
 * item-3 documents — security rules, roster with work locations, schedule, emergency
 * contacts — as the profile lists them): what the applicant must attach, the folder every
 * reader of the subcontract sees (the client before deciding), and the subcontractor's
 * revisions after approval. A revision adds the next version of a document type and keeps
 * the earlier ones; the subcontractor's roster is kept in the roster module once
 * approved, and its changes are shown here with the documents. Every revision and every
 * download is audited.
 */
@Service
public class SubcontractDocuments {

	private final Subcontracts subcontracts;

	private final Contracts contracts;

	private final SubcontractorDocumentFiles files;

	private final SubcontractDocumentRepository repository;

	private final RosterSystemReads rosterReads;

	private final Documents documents;

	private final AuditTrail audit;

	private final TransactionLocks locks;

	private final Clock clock;

	SubcontractDocuments(Subcontracts subcontracts, Contracts contracts, SubcontractorDocumentFiles files,
			SubcontractDocumentRepository repository, RosterSystemReads rosterReads, Documents documents,
			AuditTrail audit, TransactionLocks locks, Clock clock) {
		this.subcontracts = subcontracts;
		this.contracts = contracts;
		this.files = files;
		this.repository = repository;
		this.rosterReads = rosterReads;
		this.documents = documents;
		this.audit = audit;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * Returns the documents the actor's application on a contract must carry: those the
	 * profile asks of a subcontractor at the level the actor applies for.
	 * @param actor a participant of the contract
	 * @param contractId the contract
	 * @return the document types with their clauses; empty when the profile asks for none
	 */
	@Transactional(readOnly = true)
	public List<Required> required(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		return this.files.required(contract, !contract.getContractorOrganisationId().equals(actor.organisationId()));
	}

	/**
	 * Returns a subcontract's documents as far as the actor sees the subcontract: every
	 * version of every type, and the subcontractor's roster changes since approval.
	 * @param actor the acting user
	 * @param subcontractId the subcontract
	 * @return the folder
	 * @throws NotFoundProblem when the actor does not see the subcontract
	 */
	@Transactional(readOnly = true)
	public Folder folder(Actor actor, UUID subcontractId) {
		Subcontract s = this.subcontracts.get(actor, subcontractId);
		Contract contract = this.contracts.getAsParticipant(actor, s.getContractId());
		return folder(s, this.repository.findBySubcontractIdOrderByDeliverableAscVersionAscUploadedAtAsc(s.getId()),
				mayRevise(actor, contract, s));
	}

	private Folder folder(Subcontract s, List<SubcontractDocument> all, boolean mayRevise) {
		Map<Deliverable, List<SubcontractDocument>> byType = new LinkedHashMap<>();
		all.stream()
			.sorted(Comparator.comparing((SubcontractDocument d) -> d.getDeliverable().ordinal())
				.thenComparing(SubcontractDocument::getVersion)
				.thenComparing(SubcontractDocument::getUploadedAt))
			.forEach((d) -> byType.computeIfAbsent(d.getDeliverable(), (k) -> new ArrayList<>()).add(d));
		List<Kind> kinds = new ArrayList<>();
		byType.forEach((type, files) -> {
			Map<Integer, List<SubcontractDocument>> byVersion = new LinkedHashMap<>();
			files.forEach((f) -> byVersion.computeIfAbsent(f.getVersion(), (k) -> new ArrayList<>()).add(f));
			List<Version> versions = new ArrayList<>();
			byVersion.forEach((number, list) -> versions.add(new Version(number, list.get(0).getUploadedAt(),
					list.get(0).getUploadedBy(), list.get(0).getNote(), List.copyOf(list))));
			kinds.add(new Kind(type, List.copyOf(versions)));
		});
		boolean keepsRoster = s.isApproved() && byType.containsKey(Deliverable.ROSTER);
		Instant since = (s.getDecidedAt() != null) ? s.getDecidedAt() : s.getAppliedAt();
		List<RosterChange> rosterChanges = keepsRoster
				? this.rosterReads.changesOfOrganisationUnscoped(s.getContractId(), s.getSubcontractorOrganisationId())
					.stream()
					.filter((c) -> !c.getOccurredAt().isBefore(since))
					.toList()
				: List.of();
		return new Folder(s, List.copyOf(kinds), keepsRoster, rosterChanges, mayRevise);
	}

	/**
	 * Returns whether the actor revises a subcontract's documents: the lead of the
	 * subcontractor itself, once approved, while the contract is open.
	 * @param actor the acting user
	 * @param contract the contract
	 * @param s the subcontract
	 * @return {@code true} when the actor may
	 */
	boolean mayRevise(Actor actor, Contract contract, Subcontract s) {
		return s.isApproved() && ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				&& actor.organisationKind() != OrganisationKind.CLIENT
				&& s.getSubcontractorOrganisationId().equals(actor.organisationId()) && ContractRoles.isOpen(contract);
	}

	/**
	 * Revises one of the subcontractor's documents after approval: its files become the
	 * next version of the type; earlier versions are kept. The roster is kept in the
	 * roster module instead.
	 * @param actor the subcontractor's lead
	 * @param subcontractId the subcontract
	 * @param deliverable the document type, one the subcontract carries
	 * @param uploads the new files, at least one
	 * @param note what changed
	 * @return the files of the new version
	 * @throws NotFoundProblem when the actor does not see the subcontract
	 * @throws AccessDeniedProblem when the actor is not the subcontractor's lead of an
	 * approved subcontract
	 * @throws InvalidInputProblem naming the field at fault; nothing is stored then
	 */
	@Transactional
	public List<SubcontractDocument> revise(Actor actor, UUID subcontractId, @Nullable Deliverable deliverable,
			List<Upload> uploads, @Nullable String note) {
		Subcontract s = this.subcontracts.get(actor, subcontractId);
		Contract contract = this.contracts.getAsParticipant(actor, s.getContractId());
		if (!mayRevise(actor, contract, s)) {
			throw new AccessDeniedProblem("subcontract.documents.error.reviser");
		}
		this.locks.lock("subcontract-document:" + subcontractId);
		List<SubcontractDocument> all = this.repository
			.findBySubcontractIdOrderByDeliverableAscVersionAscUploadedAtAsc(subcontractId);
		if (deliverable == null || all.stream().noneMatch((d) -> d.getDeliverable() == deliverable)) {
			throw new InvalidInputProblem("type", "subcontract.documents.error.type");
		}
		if (deliverable == Deliverable.ROSTER) {
			throw new InvalidInputProblem("type", "subcontract.documents.error.rosterInRoster");
		}
		String cleaned = SubcontractorDocumentFiles.note(note);
		if (cleaned == null) {
			throw new InvalidInputProblem("note", "subcontract.documents.error.note");
		}
		if (uploads.isEmpty()) {
			throw new InvalidInputProblem("files", "subcontract.documents.error.files");
		}
		int version = all.stream()
			.filter((d) -> d.getDeliverable() == deliverable)
			.mapToInt(SubcontractDocument::getVersion)
			.max()
			.orElse(0) + 1;
		List<SubcontractDocument> stored = this.files.store(actor, s, deliverable, version, uploads, cleaned,
				Instant.now(this.clock));
		this.audit.record(AuditRecord.of("SUBCONTRACT_DOCUMENT_REVISED")
			.actor(actor)
			.target("Subcontract", subcontractId)
			.detail("contract", s.getContractId())
			.detail("document", deliverable)
			.detail("version", version)
			.detail("note", cleaned)
			.detail("files", stored.stream().map((d) -> d.getFileName() + " sha256:" + d.getSha256()).toList()));
		return stored;
	}

	/**
	 * Opens one file of a subcontract's documents for someone who sees the subcontract;
	 * audited.
	 * @param actor the acting user
	 * @param subcontractId the subcontract
	 * @param fileId the file
	 * @return the file; the caller closes its content
	 * @throws NotFoundProblem when the actor does not see it
	 */
	@Transactional
	public Opened open(Actor actor, UUID subcontractId, UUID fileId) {
		Subcontract s = this.subcontracts.get(actor, subcontractId);
		SubcontractDocument file = this.repository.findById(fileId)
			.filter((d) -> d.getSubcontractId().equals(s.getId()))
			.orElseThrow(() -> new NotFoundProblem("subcontract.documents.entity"));
		this.audit.record(AuditRecord.of("SUBCONTRACT_DOCUMENT_VIEWED")
			.actor(actor)
			.target("Subcontract", subcontractId)
			.detail("contract", s.getContractId())
			.detail("document", file.getDeliverable())
			.detail("version", file.getVersion())
			.detail("sha256", file.getSha256()));
		return new Opened(file, this.documents.open(file.getDocumentKey()));
	}

	/**
	 * A document the profile asks of the subcontractor.
	 *
	 * @param deliverable the document type
	 * @param clauseRef the clause asking for it
	 */
	public record Required(Deliverable deliverable, String clauseRef) {

		/**
		 * Returns the form field that carries this document's files.
		 * @return e.g. {@code document-SECURITY_RULES}
		 */
		public String field() {
			return SubcontractorDocumentFiles.FIELD + this.deliverable.name();
		}

	}

	/**
	 * A file given for a document.
	 *
	 * @param fileName its name as uploaded
	 * @param contentType the declared type
	 * @param content its content
	 */
	public record Upload(@Nullable String fileName, @Nullable String contentType, InputStreamSource content) {
	}

	/**
	 * A subcontract's documents as a reader sees them.
	 *
	 * @param subcontract the subcontract
	 * @param kinds each document type with its versions, in the order of the types
	 * @param rosterInRoster whether the subcontractor's roster is now kept in the roster
	 * module (approved, and the roster is one of its documents)
	 * @param rosterChanges the subcontractor's roster changes since approval, oldest
	 * first
	 * @param mayRevise whether the reader revises the documents
	 */
	public record Folder(Subcontract subcontract, List<Kind> kinds, boolean rosterInRoster,
			List<RosterChange> rosterChanges, boolean mayRevise) {
	}

	/**
	 * One document type of a subcontract.
	 *
	 * @param deliverable the type
	 * @param versions its versions, oldest first; the last is current
	 */
	public record Kind(Deliverable deliverable, List<Version> versions) {

		/**
		 * Returns the current version.
		 * @return the newest version
		 */
		public Version current() {
			return this.versions.get(this.versions.size() - 1);
		}

	}

	/**
	 * One version of a document type.
	 *
	 * @param number 1 with the application, then one per revision
	 * @param uploadedAt when
	 * @param uploadedBy who
	 * @param note what changed, for a revision
	 * @param files its files
	 */
	public record Version(int number, Instant uploadedAt, UUID uploadedBy, @Nullable String note,
			List<SubcontractDocument> files) {
	}

	/**
	 * A file opened for reading.
	 *
	 * @param document the file's record
	 * @param content its content; the caller closes it
	 */
	public record Opened(SubcontractDocument document, InputStream content) {
	}

}
