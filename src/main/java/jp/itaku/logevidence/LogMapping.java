package jp.itaku.logevidence;

import java.util.List;

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
public record LogMapping(String timestamp, String user, String action, String target, String result, String address,
		List<String> extra) {

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

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
