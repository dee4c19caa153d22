package jp.itaku.obligation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.itaku.catalog.Deliverable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of obligations and submissions without a user's scope, for the system's own work:
 * scheduled jobs, mails, event listeners, the log checks and the demo data; never for a
 * request made on a user's behalf, and never shown to a user without scoping. It is the
 * named interface {@code obligation :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class ObligationSystemReads {

	private final ObligationRepository obligations;

	private final SubmissionRepository submissions;

	ObligationSystemReads(ObligationRepository obligations, SubmissionRepository submissions) {
		this.obligations = obligations;
		this.submissions = submissions;
	}

	/**
	 * Lists a contract's obligations that a deliverable meets, planned or raised, for the
	 * module that produces the deliverable (e.g. the roster submits its notice to them).
	 * @param contractId the contract
	 * @param deliverable the deliverable
	 * @param periodKey the occurrence ({@code START}, a month, an event's key)
	 * @return the obligations, withdrawn ones excluded
	 */
	@Transactional(readOnly = true)
	public List<Obligation> findUnscoped(UUID contractId, Deliverable deliverable, String periodKey) {
		return this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable && o.getPeriodKey().equals(periodKey)
					&& o.getStatus() != ObligationStatus.NOT_APPLICABLE)
			.toList();
	}

	/**
	 * Returns the submission of an obligation that awaits the client's review, for the
	 * module whose own approval is that review (e.g. approving a take-out request accepts
	 * the written request submitted for it).
	 * @param obligationId the obligation
	 * @return the latest submission, when the obligation is submitted
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> pendingSubmissionUnscoped(UUID obligationId) {
		return this.obligations.findById(obligationId)
			.filter((o) -> o.getStatus() == ObligationStatus.SUBMITTED)
			.flatMap((o) -> this.submissions.findByObligationIdOrderByNumberDesc(obligationId).stream().findFirst())
			.map(Submission::getId);
	}

	/**
	 * Looks up an obligation without scoping, for other modules' jobs and notifications;
	 * never hand its result to a user without scoping.
	 * @param id the obligation
	 * @return the obligation, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Obligation> findUnscoped(UUID id) {
		return this.obligations.findById(id);
	}

	/**
	 * Looks up a submission without scoping, for other modules' jobs and notifications.
	 * @param id the submission
	 * @return the submission, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Submission> findSubmissionUnscoped(UUID id) {
		return this.submissions.findById(id);
	}

	/**
	 * Lists the open and returned obligations of some contracts without scoping, for
	 * scheduled jobs.
	 * @param contractIds the contracts
	 * @return their obligations still to be submitted, by due date
	 */
	@Transactional(readOnly = true)
	public List<Obligation> pendingUnscoped(Collection<UUID> contractIds) {
		if (contractIds.isEmpty()) {
			return List.of();
		}
		return this.obligations.pendingIn(contractIds.toArray(UUID[]::new));
	}

	/**
	 * Lists the submissions reviewed in a period without scoping, for scheduled jobs.
	 * @param from the period's start (inclusive)
	 * @param to the period's end (exclusive)
	 * @return the submissions reviewed in the period, oldest review first
	 */
	@Transactional(readOnly = true)
	public List<Submission> reviewedUnscoped(Instant from, Instant to) {
		return this.submissions.findByReviewedAtGreaterThanEqualAndReviewedAtLessThanOrderByReviewedAtAsc(from, to);
	}

	/**
	 * Lists a contract's obligations that a deliverable meets, of every occurrence, for
	 * the module that produces the deliverable (e.g. the incidents measure each report
	 * against its own obligation's deadline).
	 * @param contractId the contract
	 * @param deliverable the deliverable
	 * @return the obligations by due date, withdrawn ones excluded
	 */
	@Transactional(readOnly = true)
	public List<Obligation> findUnscoped(UUID contractId, Deliverable deliverable) {
		return this.obligations.findByContractIdOrderByDueDateAscClauseRefAsc(contractId)
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable && o.getStatus() != ObligationStatus.NOT_APPLICABLE)
			.toList();
	}

}
