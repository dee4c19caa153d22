package jp.itaku.audit.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the audit log reads to people: each recorded action and target type by its label
 * from {@code i18n/audit-labels} (the codes stay the record and the filter's value), the
 * details as labelled lines instead of JSON, and the client's address written the short
 * way ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}). Available in templates as
 * {@code @auditLabels}.
 */
@Component("auditLabels")
public class AuditLabels {

	static final String BUNDLE = "/i18n/audit-labels.properties";

	static final String ACTION = "audit.action.";

	static final String TARGET = "audit.target.";

	static final String DETAIL = "audit.detail.";

	private static final Pattern ISO_DATE_OR_INSTANT = Pattern
		.compile("(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+Z)?(?![0-9])");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	private final JsonMapper json;

	private final List<String> actions;

	private final List<String> targetTypes;

	AuditLabels(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
		Properties labels = labels();
		this.actions = codes(labels, ACTION);
		this.targetTypes = codes(labels, TARGET);
	}

	/**
	 * Returns the actions the audit trail knows, for the filter, by label.
	 * @return code and label of each, sorted by label
	 */
	public List<Option> actions() {
		return options(this.actions, ACTION);
	}

	/**
	 * Returns the target types the audit trail knows, for the filter, by label.
	 * @return code and label of each, sorted by label
	 */
	public List<Option> targetTypes() {
		return options(this.targetTypes, TARGET);
	}

	/**
	 * Returns an action's label.
	 * @param code the recorded action
	 * @return its label, or the code itself for an action no label names
	 */
	public String action(@Nullable String code) {
		return label(ACTION, code);
	}

	/**
	 * Returns a target type's label.
	 * @param code the recorded type
	 * @return its label, or the code itself; empty for none
	 */
	public String target(@Nullable String code) {
		return label(TARGET, code);
	}

	/**
	 * Returns the details of an entry as lines to read: one per detail, nested ones named
	 * by their path, lists joined.
	 * @param json the details as recorded
	 * @return label and value of each detail; the text itself when it is not JSON
	 */
	public List<Detail> details(@Nullable String json) {
		if (json == null || json.isBlank() || "{}".equals(json.strip())) {
			return List.of();
		}
		JsonNode root;
		try {
			root = this.json.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of(new Detail("", json));
		}
		List<Detail> lines = new ArrayList<>();
		if (root == null || !root.isObject()) {
			lines.add(new Detail("", (root == null) ? json : text(root)));
			return lines;
		}
		flatten("", root, lines);
		return lines;
	}

	/**
	 * Writes a client address the usual way: IPv6 with its longest run of zero groups
	 * shortened to {@code ::} and without leading zeros (RFC 5952), an IPv4-mapped
	 * address as IPv4.
	 * @param address the recorded address
	 * @return the address to show; empty for none
	 */
	public static String address(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return "";
		}
		String text = address.strip();
		if (!text.contains(":") || text.contains("::")) {
			return text.toLowerCase(Locale.ROOT);
		}
		String[] groups = text.split(":", -1);
		if (groups.length != 8) {
			return text;
		}
		int[] values = new int[8];
		for (int i = 0; i < 8; i++) {
			try {
				values[i] = Integer.parseInt(groups[i], 16);
			}
			catch (NumberFormatException ex) {
				return text;
			}
		}
		if (values[0] == 0 && values[1] == 0 && values[2] == 0 && values[3] == 0 && values[4] == 0
				&& values[5] == 0xffff) {
			return (values[6] >> 8) + "." + (values[6] & 0xff) + "." + (values[7] >> 8) + "." + (values[7] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			int j = i;
			while (j < 8 && values[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = Math.max(i, j);
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append("::");
				i += bestLength - 1;
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
				out.append(':');
			}
			out.append(Integer.toHexString(values[i]));
		}
		return out.toString();
	}

	private void flatten(String prefix, JsonNode node, List<Detail> lines) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
			JsonNode value = field.getValue();
			if (value.isObject() && !value.isEmpty()) {
				flatten(name, value, lines);
			}
			else {
				lines.add(new Detail(prefix.isEmpty() ? label(DETAIL, name) : name, text(value)));
			}
		}
	}

	private static String text(JsonNode value) {
		if (value.isNull()) {
			return "—";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(text(item)));
			return String.join("、", items);
		}
		if (value.isObject()) {
			return value.toString();
		}
		if (value.isBoolean()) {
			return value.asBoolean() ? "✓" : "—";
		}
		// Dates and instants, alone or within a text, read as on every page, not as ISO
		// text.
		return ISO_DATE_OR_INSTANT.matcher(value.asString()).replaceAll((match) -> {
			try {
				if (match.group().length() == 10) {
					return Matcher.quoteReplacement(day(LocalDate.parse(match.group())));
				}
				ZonedDateTime tokyo = ItakuTime.inTokyo(Instant.parse(match.group()));
				return Matcher.quoteReplacement(day(tokyo.toLocalDate()) + " " + TIME.format(tokyo));
			}
			catch (DateTimeParseException ex) {
				// Not a date after all: shown as recorded.
				return Matcher.quoteReplacement(match.group());
			}
		});
	}

	private static String day(LocalDate date) {
		return Locale.JAPANESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())
				? Dates.wareki(date) + Dates.weekday(date) : ENGLISH_DATE.format(date);
	}

	private String label(String prefix, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return Objects.requireNonNullElse(
				this.messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale()), code);
	}

	private List<Option> options(List<String> codes, String prefix) {
		return codes.stream()
			.map((code) -> new Option(code, label(prefix, code)))
			.sorted(Comparator.comparing(Option::label))
			.toList();
	}

	private static List<String> codes(Properties labels, String prefix) {
		TreeSet<String> codes = new TreeSet<>();
		for (String key : labels.stringPropertyNames()) {
			if (key.startsWith(prefix)) {
				codes.add(key.substring(prefix.length()));
			}
		}
		return List.copyOf(codes);
	}

	static Properties labels() {
		Properties labels = new Properties();
		try (InputStream in = Objects.requireNonNull(AuditLabels.class.getResourceAsStream(BUNDLE), BUNDLE)) {
			labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return labels;
	}

	/**
	 * A filter's choice.
	 *
	 * @param code the recorded code
	 * @param label what the reader sees
	 */
	public record Option(String code, String label) {
	}

	/**
	 * One detail of an entry.
	 *
	 * @param label its name, labelled where the bundle names it; empty for text that is
	 * not JSON
	 * @param value its value as text
	 */
	public record Detail(String label, String value) {
	}

}
