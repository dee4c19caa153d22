package jp.itaku.worksite;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of work schedules and the entry log without a user's scope, for the system's own
 * work: scheduled jobs, mails, event listeners, the log checks and the demo data; never
 * for a request made on a user's behalf, and never shown to a user without scoping. It is
 * the named interface {@code worksite :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class WorksiteSystemReads {

	private final WorkScheduleRepository schedules;

	private final WorkShiftRepository shifts;

	private final EntryLogRepository entries;

	WorksiteSystemReads(WorkScheduleRepository schedules, WorkShiftRepository shifts, EntryLogRepository entries) {
		this.schedules = schedules;
		this.shifts = shifts;
		this.entries = entries;
	}

	/**
	 * Returns the cells of the latest version of every month's schedule of a contract,
	 * for the log checks (module {@code logevidence}), which scope the contract
	 * themselves.
	 * @param contractId the contract
	 * @return the cells in force
	 */
	@Transactional(readOnly = true)
	public List<ShiftCell> shiftsInForceUnscoped(UUID contractId) {
		Map<String, UUID> latest = new LinkedHashMap<>();
		for (WorkSchedule schedule : this.schedules.findByContractIdOrderByMonthAscVersionAsc(contractId)) {
			latest.put(schedule.getMonth().toString(), schedule.getId());
		}
		return latest.isEmpty() ? List.of() : this.shifts.cellsOf(latest.values());
	}

	/**
	 * Lists the entries of a contract in a period, for the log checks (module
	 * {@code logevidence}), which scope the contract themselves.
	 * @param contractId the contract
	 * @param from the first instant
	 * @param to the instant after the last
	 * @return the entries by time in
	 */
	@Transactional(readOnly = true)
	public List<EntryLogEntry> entriesUnscoped(UUID contractId, Instant from, Instant to) {
		return this.entries
			.findByContractIdAndEnteredAtGreaterThanEqualAndEnteredAtLessThanOrderByEnteredAtAsc(contractId, from, to);
	}

}
