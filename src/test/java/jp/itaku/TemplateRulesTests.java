package jp.itaku;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards on the templates. A template that calls a bean ({@code ${@bean.method()}})
 * reaches into a module behind {@code ApplicationModules.verify()}'s back, and hid a
 * cycle once; pages show other modules' data through {@code ContractPageSection},
 * {@code DashboardAlert}, {@code PageBanner} and {@code AccountPageSection} instead. Only
 * formatting helpers that read no data may be called, and navigation flags come from
 * {@code platform.web.Navigation}, never from comparing role names.
 */
class TemplateRulesTests {

	/** The beans templates may call, each a formatter that reads no data. */
	private static final Map<String, String> VIEW_HELPERS = Map.of("dates", "platform.Dates: dates in 和暦 and ISO",
			"serverClock", "platform.ServerClock: the clock fragment of the status page", "formKeys",
			"platform.web.FormKeys: a fresh idempotency key per form", "requirementText",
			"catalog.RequirementText: labels of the catalog's codes", "serviceLevelText",
			"contract.ServiceLevelText: service-level targets as text", "incidentTexts",
			"incident.web.IncidentTexts: durations on the incident pages", "rosterTexts",
			"roster.RosterTexts: roster changes as text", "auditLabels",
			"audit.web.AuditLabels: the audit log's codes, details and addresses as text", "pager",
			"platform.web.Pager: the current address with another page number");

	private static final Pattern BEAN_CALL = Pattern.compile("(?<!\\w)@([a-zA-Z]\\w*)\\s*\\.");

	private static final Pattern ROLE_COMPARISON = Pattern
		.compile("(role|organisationKind)\\.name\\(\\)\\s*(==|!=|\\.equals)");

	@Test
	void templatesCallOnlyFormattingHelpers() throws IOException {
		List<String> calls = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = BEAN_CALL.matcher(Files.readString(template, StandardCharsets.UTF_8));
			while (m.find()) {
				if (!VIEW_HELPERS.containsKey(m.group(1))) {
					calls.add(template.getFileName() + ": @" + m.group(1));
				}
			}
		}
		assertThat(calls).as("beans called from templates that are not formatting helpers").isEmpty();
	}

	@Test
	void templatesDoNotCompareRoleNames() throws IOException {
		List<String> comparisons = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template, StandardCharsets.UTF_8);
			if (ROLE_COMPARISON.matcher(text).find()) {
				comparisons.add(template.toString());
			}
		}
		assertThat(comparisons).as("templates comparing role names; use ${navigation.…}").isEmpty();
	}

	@Test
	void theRuleSeesABeanCall() {
		assertThat(BEAN_CALL.matcher("th:with=\"x=${@entryLog.flaggedCountUnscoped(contract.id)}\"").find()).isTrue();
		assertThat(BEAN_CALL.matcher("th:href=\"@{/contracts/{id}(id=${c.id})}\"").find()).isFalse();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			List<Path> found = files.filter((f) -> f.toString().endsWith(".html")).sorted().toList();
			assertThat(found).hasSizeGreaterThan(50);
			return found;
		}
	}

}
