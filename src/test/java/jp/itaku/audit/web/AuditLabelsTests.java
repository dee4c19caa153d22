package jp.itaku.audit.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.itaku.finding.FindingStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log speaks the reader's language: every action and target type the code
 * records has a label in both languages (so the filter offers it), details read as lines,
 * and addresses are written the short way.
 */
class AuditLabelsTests {

	private static final Pattern RECORD = Pattern.compile("AuditRecord\\.of\\(([^;]{0,200})");

	private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z_0-9]*)\"");

	private static final Pattern TARGET = Pattern.compile("\\.target\\(\"([A-Za-z]+)\"");

	private final AuditLabels labels = new AuditLabels(messages(), JsonMapper.builder().build());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyActionAndTargetTypeTheCodeRecordsHasALabelInBothLanguages() throws IOException {
		Set<String> actions = new TreeSet<>();
		Set<String> targets = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher record = RECORD.matcher(source);
				while (record.find()) {
					String argument = record.group(1);
					int end = argument.indexOf(")\n");
					Matcher literal = LITERAL.matcher((end < 0) ? argument : argument.substring(0, end));
					while (literal.find()) {
						if (literal.group(1).endsWith("_")) {
							// "LOG_FINDING_" + step.name()
							for (FindingStep step : FindingStep.values()) {
								actions.add(literal.group(1) + step.name());
							}
						}
						else {
							actions.add(literal.group(1));
						}
					}
				}
				Matcher target = TARGET.matcher(source);
				while (target.find()) {
					targets.add(target.group(1));
				}
			}
		}
		assertThat(actions).hasSizeGreaterThan(100).contains("SIGN_IN", "SUBMISSION_ACCEPTED");
		assertThat(targets).contains("UserAccount", "Contract");
		Properties ja = AuditLabels.labels();
		Properties en = new Properties();
		try (var in = AuditLabels.class.getResourceAsStream("/i18n/audit-labels_en.properties")) {
			en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		for (String action : actions) {
			assertThat(ja.getProperty(AuditLabels.ACTION + action)).as("Japanese label of %s", action).isNotBlank();
			assertThat(en.getProperty(AuditLabels.ACTION + action)).as("English label of %s", action).isNotBlank();
		}
		for (String target : targets) {
			assertThat(ja.getProperty(AuditLabels.TARGET + target)).as("Japanese label of %s", target).isNotBlank();
			assertThat(en.getProperty(AuditLabels.TARGET + target)).as("English label of %s", target).isNotBlank();
		}
	}

	@Test
	void theFiltersOfferEveryLabelledActionAndTypeByItsLabel() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		assertThat(this.labels.actions()).contains(new AuditLabels.Option("SIGN_IN", "ログイン"));
		assertThat(this.labels.targetTypes()).contains(new AuditLabels.Option("UserAccount", "ユーザー"));
		assertThat(this.labels.action("SIGN_IN")).isEqualTo("ログイン");
		assertThat(this.labels.target("UserAccount")).isEqualTo("ユーザー");
		assertThat(this.labels.action("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.labels.action("SIGN_IN")).isEqualTo("Signed in");
	}

	@Test
	void detailsReadAsLabelledLinesNotJson() {
		LocaleContextHolder.setLocale(Locale.JAPANESE);
		assertThat(this.labels.details("{\"reason\":\"期限切れ\",\"files\":[\"a.pdf\",\"b.pdf\"],\"x\":{\"y\":1}}"))
			.containsExactly(new AuditLabels.Detail("理由", "期限切れ"), new AuditLabels.Detail("ファイル", "a.pdf、b.pdf"),
					new AuditLabels.Detail("x.y", "1"));
		assertThat(this.labels.details("{}")).isEmpty();
		assertThat(this.labels.details("{\"due\":\"2026-12-07\",\"at\":\"2026-12-06T15:30:00Z\"}")).containsExactly(
				new AuditLabels.Detail("期限", "令和8年12月7日（月）"), new AuditLabels.Detail("日時", "令和8年12月7日（月） 00:30"));
		assertThat(this.labels.details("{\"reportDue\":\"12(2) 2026-12-09\"}"))
			.containsExactly(new AuditLabels.Detail("reportDue", "12(2) 令和8年12月9日（水）"));
		assertThat(this.labels.details("not json")).containsExactly(new AuditLabels.Detail("", "not json"));
	}

	@Test
	void addressesAreWrittenTheShortWay() {
		assertThat(AuditLabels.address("0:0:0:0:0:0:0:1")).isEqualTo("::1");
		assertThat(AuditLabels.address("2001:0db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
		assertThat(AuditLabels.address("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(AuditLabels.address("fe80:0:0:1:0:0:0:5")).isEqualTo("fe80:0:0:1::5");
		assertThat(AuditLabels.address("0:0:0:0:0:ffff:c000:0280")).isEqualTo("192.0.2.128");
		assertThat(AuditLabels.address("192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(AuditLabels.address("::1")).isEqualTo("::1");
		assertThat(AuditLabels.address(null)).isEmpty();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/audit-labels");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
