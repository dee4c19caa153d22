package jp.itaku.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.GuardedAction;

import org.jspecify.annotations.Nullable;

/**
 * A module with its own approval flow (asset requests, subcontracts) shows its
 * applications in the approvals register through this port, without the approval module
 * knowing its records. The acts it declares are left to it: the generic workflow does not
 * offer them.
 */
public interface ApprovalSource {

	/**
	 * Returns the acts this module's own flow approves.
	 * @return the acts
	 */
	Set<GuardedAction> actions();

	/**
	 * Returns a contract's applications of this flow. The approval module has checked
	 * that the reader is a party to the contract.
	 * @param contractId the contract
	 * @return the applications, in the order they were made
	 */
	List<Entry> entries(UUID contractId);

	/**
	 * One application of a dedicated flow, as the register lists it.
	 *
	 * @param number its number as printed, e.g. {@code SUB-1}
	 * @param action the act
	 * @param subject what it concerns
	 * @param status where it stands, in the register's terms
	 * @param validFrom the first day it allows the act, or {@code null}
	 * @param validUntil the last day, or {@code null} when open-ended or not approved
	 * @param appliedAt when applied for
	 * @param decidedAt when decided, or {@code null}
	 * @param link the page that shows it
	 * @param documents the documents the application carries, in their current version (a
	 * subcontractor's item-3 documents, Setagaya 4); empty when it carries none
	 */
	record Entry(String number, GuardedAction action, String subject, ApprovalStatus status,
			@Nullable LocalDate validFrom, @Nullable LocalDate validUntil, Instant appliedAt,
			@Nullable Instant decidedAt, String link, List<Document> documents) {

		public Entry {
			documents = List.copyOf(documents);
		}

		/**
		 * An application without documents.
		 * @param number its number as printed
		 * @param action the act
		 * @param subject what it concerns
		 * @param status where it stands
		 * @param validFrom the first day it allows the act, or {@code null}
		 * @param validUntil the last day, or {@code null}
		 * @param appliedAt when applied for
		 * @param decidedAt when decided, or {@code null}
		 * @param link the page that shows it
		 */
		public Entry(String number, GuardedAction action, String subject, ApprovalStatus status,
				@Nullable LocalDate validFrom, @Nullable LocalDate validUntil, Instant appliedAt,
				@Nullable Instant decidedAt, String link) {
			this(number, action, subject, status, validFrom, validUntil, appliedAt, decidedAt, link, List.of());
		}

	}

	/**
	 * One file of a document an application carries.
	 *
	 * @param type the document type ({@code Deliverable} name, labelled
	 * {@code deliverable.<type>})
	 * @param version its version (1: with the application)
	 * @param fileName the file's name
	 * @param sha256 its SHA-256
	 */
	record Document(String type, int version, String fileName, String sha256) {
	}

}
