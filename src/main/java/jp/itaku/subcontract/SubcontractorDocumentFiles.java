package jp.itaku.subcontract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Which of the subcontractor's own documents a subcontract application must carry, read
 * from the contract's profile (a {@code subcontractorDocuments} list on its prior
 * approval of a subcontract: Setagaya 4 lists the item-3 documents; the other profiles
 * none), the check that each is there, and the storing of their files in the document
 * store with their SHA-256. Nothing is listed per city.
 */
@Component
class SubcontractorDocumentFiles {

	/** The form field of a document type: {@code document-SECURITY_RULES}. */
	static final String FIELD = "document-";

	private static final int NOTE_MAX = 2000;

	private final ClauseCatalog catalog;

	private final Documents documents;

	private final SubcontractDocumentRepository repository;

	SubcontractorDocumentFiles(ClauseCatalog catalog, Documents documents, SubcontractDocumentRepository repository) {
		this.catalog = catalog;
		this.documents = documents;
		this.repository = repository;
	}

	/**
	 * Returns the documents of its own that a subcontractor must submit with the
	 * application: those of the profile's prior approvals of a subcontract that bind the
	 * applicant (the contractor at the first level, a subcontractor further down) and
	 * apply to the contract.
	 * @param contract the contract
	 * @param furtherLevel whether a subcontractor applies (再々委託)
	 * @return each document type once, with the clause asking for it, in clause order
	 */
	List<SubcontractDocuments.Required> required(Contract contract, boolean furtherLevel) {
		Map<Deliverable, SubcontractDocuments.Required> required = new LinkedHashMap<>();
		Party applicant = furtherLevel ? Party.SUBCONTRACTOR : Party.CONTRACTOR;
		for (ClauseDefinition clause : this.catalog.get(contract.getProfileId()).definition().clauses()) {
			for (RequirementDefinition r : clause.requirements()) {
				if (r.kind() == RequirementKind.OBTAIN_APPROVAL && r.trigger() != null
						&& r.trigger().type() == TriggerType.BEFORE_ACTION
						&& r.trigger().action() == GuardedAction.SUBCONTRACT && r.party() == applicant
						&& contract.getAttributes().containsAll(r.when())) {
					r.subcontractorDocuments()
						.forEach((d) -> required.putIfAbsent(d, new SubcontractDocuments.Required(d, clause.ref())));
				}
			}
		}
		return List.copyOf(required.values());
	}

	/**
	 * Refuses an application that lacks a required document or carries a document the
	 * profile does not ask for; nothing is stored before this passes.
	 * @param required the documents required
	 * @param uploads the files per document type
	 * @return a problem naming each missing document and its clause; empty when all are
	 * there
	 */
	static List<FieldProblem> problems(List<SubcontractDocuments.Required> required,
			Map<Deliverable, List<SubcontractDocuments.Upload>> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		for (SubcontractDocuments.Required r : required) {
			if (uploads.getOrDefault(r.deliverable(), List.of()).isEmpty()) {
				problems.add(new FieldProblem(FIELD + r.deliverable().name(), "subcontract.documents.error.missing",
						label(r.deliverable()), r.clauseRef()));
			}
		}
		for (Map.Entry<Deliverable, List<SubcontractDocuments.Upload>> e : uploads.entrySet()) {
			if (!e.getValue().isEmpty() && required.stream().noneMatch((r) -> r.deliverable() == e.getKey())) {
				problems.add(new FieldProblem(FIELD + e.getKey().name(), "subcontract.documents.error.notAsked",
						label(e.getKey())));
			}
		}
		return problems;
	}

	/**
	 * Checks a revision's note.
	 * @param note the note, or {@code null}
	 * @return the cleaned note
	 * @throws InvalidInputProblem when it is too long
	 */
	static @Nullable String note(@Nullable String note) {
		String cleaned = SubcontractForm.clean(note);
		if (cleaned != null && cleaned.length() > NOTE_MAX) {
			throw new InvalidInputProblem("note", "subcontract.error.tooLong", NOTE_MAX);
		}
		return cleaned;
	}

	/**
	 * Stores the files of one version of one document type.
	 * @param actor who uploads
	 * @param s the subcontract
	 * @param deliverable the document type
	 * @param version the version
	 * @param uploads the files, at least one
	 * @param note what changed, for a revision
	 * @param now when
	 * @return the stored files
	 */
	List<SubcontractDocument> store(Actor actor, Subcontract s, Deliverable deliverable, int version,
			List<SubcontractDocuments.Upload> uploads, @Nullable String note, Instant now) {
		List<SubcontractDocument> stored = new ArrayList<>();
		for (SubcontractDocuments.Upload upload : uploads) {
			UploadedDocument file;
			try (InputStream content = upload.content().getInputStream()) {
				file = this.documents.accept(upload.fileName(), upload.contentType(), content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			stored.add(this.repository
				.save(new SubcontractDocument(s, deliverable, version, file.key(), file.sha256(), file.fileName(),
						file.contentType(), file.size(), note, actor.userId(), actor.organisationId(), now)));
		}
		return stored;
	}

	/**
	 * Returns the label of a document type, resolved in the reader's language.
	 * @param deliverable the type
	 * @return a resolvable message argument
	 */
	static DefaultMessageSourceResolvable label(Deliverable deliverable) {
		return new DefaultMessageSourceResolvable("deliverable." + deliverable.name());
	}

}
