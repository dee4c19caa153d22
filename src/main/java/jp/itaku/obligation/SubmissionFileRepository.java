package jp.itaku.obligation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored {@link SubmissionFile} records. Unscoped: only {@link Obligations} uses it, and
 * it scopes every read through the contract.
 */
interface SubmissionFileRepository extends JpaRepository<SubmissionFile, UUID> {

	/**
	 * The files of some submissions: in SQL, the submissions bound as one array, so that
	 * Hibernate keeps the query's plan (a derived query's list of ids, bound one by one,
	 * is translated again on every call).
	 * @param submissionIds the submissions
	 * @return their files
	 */
	@Query(value = "select * from submission_file where submission_id = any(:submissions)", nativeQuery = true)
	List<SubmissionFile> ofSubmissions(@Param("submissions") UUID[] submissionIds);

}
