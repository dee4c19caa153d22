package jp.itaku.finding;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What happens to a finding, told by the module that owns it (inspection, log evidence)
 * in the changing transaction, with what a mail about it needs.
 */
public final class FindingEvents {

	private FindingEvents() {
	}

	/**
	 * A step of the shared workflow was taken on a finding.
	 *
	 * @param contractId the contract
	 * @param auditTarget the finding's type on the audit trail ({@code Finding},
	 * {@code LogFinding})
	 * @param step the step taken
	 * @param finding the finding as it stands now, as its module lists it
	 * @param comment the client's comment when returning it, or {@code null}
	 * @param stepId this step's own identity (the same step may be taken again later):
	 * what its mails are delivered once for
	 */
	public record StepTaken(UUID contractId, String auditTarget, FindingStep step, FindingSummary finding,
			@Nullable String comment, UUID stepId) {

		/**
		 * A step taken now, with an identity of its own.
		 * @param contractId the contract
		 * @param auditTarget the finding's type on the audit trail
		 * @param step the step taken
		 * @param finding the finding as it stands now
		 * @param comment the client's comment when returning it, or {@code null}
		 */
		public StepTaken(UUID contractId, String auditTarget, FindingStep step, FindingSummary finding,
				@Nullable String comment) {
			this(contractId, auditTarget, step, finding, comment, UUID.randomUUID());
		}

	}

}
