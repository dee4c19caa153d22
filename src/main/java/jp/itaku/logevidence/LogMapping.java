package jp.itaku.logevidence;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Which column (CSV header name), JSON field or syslog structured-data parameter holds
 * each field the checks read. Timestamp, user and action are required; for syslog, a
 * blank timestamp means the header's TIMESTAMP, a blank user the header's APP-NAME, a
 * blank action the header's MSGID.
 *
 * @param timestamp when it happened (with zone, or in the source's zone)
 * @param user the acting ID
 * @param action what was done
 * @param target on what
 * @param result the outcome
 * @param address the client's address
 * @param extra further fields kept with the line
 */
public record LogMapping(@Nullable String timestamp, @Nullable String user, @Nullable String action,
		@Nullable String target, @Nullable String result, @Nullable String address, @Nullable List<String> extra) {

	public LogMapping {
		timestamp = blankToNull(timestamp);
		user = blankToNull(user);
		action = blankToNull(action);
		target = blankToNull(target);
		result = blankToNull(result);
		address = blankToNull(address);
		extra = (extra != null) ? extra.stream().map(String::strip).filter((s) -> !s.isEmpty()).distinct().toList()
				: List.of();
	}

	/**
	 * Further fields kept with the line.
	 * @return their names, empty when none
	 */
	@Override
	public List<String> extra() {
		// never null: the compact constructor replaces a missing list by an empty one
		return Objects.requireNonNull(this.extra);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
