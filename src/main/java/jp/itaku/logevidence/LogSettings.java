package jp.itaku.logevidence;

import jp.itaku.platform.TextLimit;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a contract allows in its logs and how long they are kept.
 *
 * @param retentionMonths months the lines are kept at least (never below three)
 * @param forbiddenOperations operations forbidden (Kadoma 14(8)): {@code action}, or
 * {@code action:keyword} for the action with the keyword in its target
 * @param allowedFrom the earliest time of day work is allowed (with {@code allowedTo}),
 * or {@code null}
 * @param allowedTo the latest, or {@code null}
 * @param bulkPerHour lines of one user in an hour above which access is bulk
 * @param failedLoginBurst failed sign-ins of one user within the window that make a burst
 * @param failedLoginMinutes the window
 * @param skewToleranceSeconds how far timestamps may lie in the future or go back
 * @param requiresEntry whether activity needs an entry in the entry log that day
 */
public record LogSettings(int retentionMonths, @TextLimit(4000) String forbiddenOperations,
		@Nullable LocalTime allowedFrom, @Nullable LocalTime allowedTo, int bulkPerHour, int failedLoginBurst,
		int failedLoginMinutes, int skewToleranceSeconds, boolean requiresEntry) {

	/** The retention no contract goes below (Gunma 3ウ: three months). */
	public static final int MIN_RETENTION_MONTHS = 3;

	/** The settings of a contract nobody has configured. */
	public static final LogSettings DEFAULTS = new LogSettings(12, "", null, null, 500, 5, 10, 300, false);

	/**
	 * Returns the forbidden operations, one an entry.
	 * @return the entries, trimmed, without blanks
	 */
	public List<String> forbiddenList() {
		return Arrays.stream(this.forbiddenOperations.split("\\R"))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.toList();
	}

}
