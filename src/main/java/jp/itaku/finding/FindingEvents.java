package jp.itaku.finding;

import java.time.LocalDate;
import java.util.UUID;

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
	 * @param source the module that found it: {@code inspection} or {@code logevidence}
	 * (label {@code finding.source.<source>})
	 * @param contractId the contract
	 * @param findingId the finding
	 * @param auditTarget the finding's type on the audit trail ({@code Finding},
	 * {@code LogFinding})
	 * @param step the step taken
	 * @param status where the finding stands now
	 * @param titleKey the message key naming what was found (an inspection's kind, a log
	 * rule)
	 * @param reference the finding's reference, shown as it is (e.g. {@code AUD-2-F1}, a
	 * day and an ID)
	 * @param severityKey the message key of its severity
	 * @param clause the clause it concerns
	 * @param dueOn by when the contractor must act, or {@code null}
	 * @param comment the client's comment when returning it, or {@code null}
	 * @param path the finding's page, from the application's root (e.g.
	 * {@code /inspections/…#finding-AUD-2-F1})
	 */
	public record StepTaken(String source, UUID contractId, UUID findingId, String auditTarget, FindingStep step,
			FindingStatus status, String titleKey, String reference, String severityKey, String clause, LocalDate dueOn,
			String comment, String path) {
	}

}
