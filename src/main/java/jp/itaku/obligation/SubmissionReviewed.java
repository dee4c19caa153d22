package jp.itaku.obligation;

import java.util.UUID;

/**
 * Published when the client has reviewed a submission, so that other modules can tell the
 * contractor (e.g. by e-mail) once the review is committed.
 *
 * @param obligationId the obligation the submission was for
 * @param submissionId the reviewed submission
 * @param accepted {@code true} when accepted, {@code false} when returned with a comment
 */
public record SubmissionReviewed(UUID obligationId, UUID submissionId, boolean accepted) {
}
