package jp.itaku.obligation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.contract.Contract;

import org.jspecify.annotations.Nullable;

/**
 * An obligation with what a reader needs to act on it.
 *
 * @param obligation the obligation
 * @param contract its contract
 * @param profile the contract's profile version
 * @param clause the clause it comes from (original text), or {@code null}
 * @param submissions its submissions, newest first
 * @param files the files of each submission
 * @param history every step so far
 * @param status its effective status today
 * @param maySubmit whether the reader may submit
 * @param mayReview whether the reader may review and waive
 * @param owedByName the name of the approved subcontractor that owes it, or {@code null}
 * when the contractor owes it
 */
public record ObligationDetail(Obligation obligation, Contract contract, StoredProfile profile,
		@Nullable ClauseDefinition clause, List<Submission> submissions, Map<UUID, List<SubmissionFile>> files,
		List<ObligationEvent> history, ObligationStatus status, boolean maySubmit, boolean mayReview,
		@Nullable String owedByName) {

	/**
	 * Returns the files of one submission.
	 * @param submissionId the submission
	 * @return its files
	 */
	public List<SubmissionFile> filesOf(UUID submissionId) {
		return this.files.getOrDefault(submissionId, List.of());
	}

}
