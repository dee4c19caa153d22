package jp.itaku.obligation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link SubmissionFile} records. Unscoped: only {@link Obligations} uses it, and
 * it scopes every read through the contract.
 */
interface SubmissionFileRepository extends JpaRepository<SubmissionFile, UUID> {

	List<SubmissionFile> findBySubmissionIdIn(Collection<UUID> submissionIds);

}
