package jp.itaku.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string comes from the message bundles, in both languages: the Japanese
 * and English bundles have the same keys; templates contain no hard-coded text; every key
 * a template or the code names exists.
 */
class I18nCompletenessTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label", "value");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	/**
	 * Strings in the code that look like message keys but are not: each is named here
	 * with what it is.
	 */
	private static final Set<String> NOT_KEYS = Set.of("contract.period_start", "contract.period_end",
			// table.column, in InvalidRecords
			"app.password" // a property of the embedded database's credentials file
	);

	/**
	 * The message bundles, by base name, exactly as spring.messages.basename lists them.
	 */
	private static final List<String> BUNDLES = bundles();

	private static List<String> bundles() {
		Properties application = new Properties();
		try (var in = I18nCompletenessTests.class.getResourceAsStream("/application.properties")) {
			application.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return List.of(application.getProperty("spring.messages.basename").split("\\s*,\\s*"));
	}

	@Test
	void japaneseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		for (String bundle : BUNDLES) {
			Set<String> japanese = keys(bundle + ".properties");
			Set<String> english = keys(bundle + "_en.properties");
			assertThat(english).as("keys missing in English " + bundle).containsAll(japanese);
			assertThat(japanese).as("keys missing in Japanese " + bundle).containsAll(english);
		}
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				if (element.hasAttr("th:text") || element.hasAttr("th:utext") || element.tagName().equals("script")
						|| element.tagName().equals("style")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (!text.isBlank()) {
						offences.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> \""
								+ text.text().strip() + "\"");
					}
				}
				for (Attribute attribute : element.attributes()) {
					if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && attribute.getValue().matches(".*\\p{L}.*")
							&& !(element.tagName().equals("option") || element.tagName().equals("input"))) {
						offences.add(TEMPLATES.relativize(template) + ": " + attribute.getKey() + "=\""
								+ attribute.getValue() + "\"");
					}
				}
			}
		}
		assertThat(offences).as("hard-coded text in templates").isEmpty();
	}

	@Test
	void everyKeyNamedInTemplatesAndCodeExists() throws IOException {
		Set<String> known = allKeys();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!known.contains(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		// Every string in the code that starts like a key of the bundles (its first part
		// is the first part of some key) must be a key: a key named in Java is checked as
		// one named in a template. A key built by concatenation ends with a dot and is
		// checked where its parts are listed (the enums' label tests below).
		Set<String> prefixes = new TreeSet<>();
		known.forEach((key) -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
		prefixes.removeIf(String::isEmpty);
		Pattern javaKey = Pattern.compile("\"((?:" + String.join("|", prefixes.stream().map(Pattern::quote).toList())
				+ ")[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path source : files.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = javaKey.matcher(Files.readString(source));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1)) && !NOT_KEYS.contains(matcher.group(1))) {
						missing.add(JAVA.relativize(source) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys named but not defined").isEmpty();
	}

	@Test
	void everyRoleAndOrganisationKindHasALabel() throws IOException {
		Set<String> known = allKeys();
		for (Role role : Role.values()) {
			assertThat(known).contains("role." + role.name());
		}
		for (OrganisationKind kind : OrganisationKind.values()) {
			assertThat(known).contains("organisationKind." + kind.name());
		}
	}

	@Test
	void everyTermOfTheClauseVocabularyHasALabel() throws IOException {
		Set<String> known = allKeys();
		Map<String, Class<? extends Enum<?>>> vocabulary = Map.ofEntries(
				Map.entry("category", jp.itaku.catalog.ClauseCategory.class),
				Map.entry("requirementKind", jp.itaku.catalog.RequirementKind.class),
				Map.entry("party", jp.itaku.catalog.Party.class),
				Map.entry("contractAttribute", jp.itaku.catalog.ContractAttribute.class),
				Map.entry("triggerType", jp.itaku.catalog.TriggerType.class),
				Map.entry("triggerEvent", jp.itaku.catalog.TriggerEvent.class),
				Map.entry("guardedAction", jp.itaku.catalog.GuardedAction.class),
				Map.entry("changeSubject", jp.itaku.catalog.ChangeSubject.class),
				Map.entry("deadlinePolicy", jp.itaku.catalog.DeadlinePolicy.class),
				Map.entry("deadlineType", jp.itaku.catalog.DeadlineType.class),
				Map.entry("deliverable", jp.itaku.catalog.Deliverable.class),
				Map.entry("contentItem", jp.itaku.catalog.ContentItem.class),
				Map.entry("assetScope", jp.itaku.catalog.AssetScope.class),
				Map.entry("assetForm", jp.itaku.catalog.AssetForm.class));
		vocabulary.forEach((prefix, type) -> {
			for (Enum<?> term : type.getEnumConstants()) {
				assertThat(known).as("label of " + type.getSimpleName()).contains(prefix + "." + term.name());
			}
		});
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((p) -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> all = new TreeSet<>();
		for (String bundle : BUNDLES) {
			all.addAll(keys(bundle + ".properties"));
		}
		return all;
	}

	/**
	 * A message with arguments goes through {@link java.text.MessageFormat}, where a lone
	 * apostrophe quotes: it disappears, and so do the arguments after it. Such a message
	 * writes it twice ({@code worker''s}).
	 */
	@Test
	void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
		Pattern argument = Pattern.compile("\\{\\d");
		Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
		List<String> offences = new ArrayList<>();
		for (String bundle : BUNDLES) {
			for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
				Properties properties = properties(file);
				for (String key : properties.stringPropertyNames()) {
					String value = properties.getProperty(key);
					if (argument.matcher(value).find() && loneApostrophe.matcher(value).find()) {
						offences.add(file + ": " + key + "=" + value);
					}
				}
			}
		}
		assertThat(offences).as("messages with arguments and a lone apostrophe").isEmpty();
	}

	private static Set<String> keys(String bundle) throws IOException {
		return new TreeSet<>(properties(bundle).stringPropertyNames());
	}

	private static Properties properties(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
