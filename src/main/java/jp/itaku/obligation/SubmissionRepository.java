package jp.itaku.obligation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link Submission} records. Unscoped: only {@link Obligations} uses it, and it
 * scopes every read through the contract.
 */
interface SubmissionRepository extends JpaRepository<Submission, UUID> {

	List<Submission> findByObligationIdOrderByNumberDesc(UUID obligationId);

	long countByObligationId(UUID obligationId);

	List<Submission> findByBundleIdAndReviewStatus(UUID bundleId, ReviewStatus status);

	List<Submission> findByBundleId(UUID bundleId);

	List<Submission> findByReviewedAtGreaterThanEqualAndReviewedAtLessThanOrderByReviewedAtAsc(Instant from,
			Instant to);

}
