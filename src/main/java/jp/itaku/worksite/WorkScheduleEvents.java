package jp.itaku.worksite;

import java.time.YearMonth;
import java.util.UUID;

/**
 * What the worksite module tells other modules, published in the changing transaction.
 */
public final class WorkScheduleEvents {

	private WorkScheduleEvents() {
	}

	/**
	 * A month's work schedule was saved as a new version (entered, imported or sent
	 * through the API). The log checks run again against the schedule in force.
	 *
	 * @param contractId the contract
	 * @param month the month
	 */
	public record ScheduleChanged(UUID contractId, YearMonth month) {
	}

}
