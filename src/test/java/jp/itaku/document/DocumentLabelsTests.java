package jp.itaku.document;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document module's messages exist in Japanese and English with the same keys, every
 * key the module names is defined, and every scan status has a label.
 */
class DocumentLabelsTests {

	private static final Path SOURCES = Path.of("src/main/java/jp/itaku/document");

	private static final Pattern KEY = Pattern.compile("\"(document\\.[A-Za-z]+)\"");

	@Test
	void japaneseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(keys("document-labels_en.properties")).isEqualTo(keys("document-labels.properties"));
	}

	@Test
	void everyKeyTheModuleNamesAndEveryScanStatusHasALabel() throws IOException {
		Set<String> known = keys("document-labels.properties");
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path source : files.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(source));
				while (matcher.find()) {
					assertThat(known).as(source.toString()).contains(matcher.group(1));
				}
			}
		}
		for (ScanStatus status : ScanStatus.values()) {
			assertThat(known).contains(status.labelKey());
		}
	}

	@Test
	void messagesFormatWithTheirArguments() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("document-labels");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Object[] arguments = { "報告書.pdf", 20.0 };
		assertThat(messages.getMessage("document.tooLarge", arguments, Locale.JAPANESE))
			.isEqualTo("「報告書.pdf」はファイルサイズの上限（20 MB）を超えているため、登録できません。");
		assertThat(messages.getMessage("document.tooLarge", arguments, Locale.ENGLISH)).contains("(20 MB)");
		assertThat(messages.getMessage("scanStatus.NOT_SCANNED", null, Locale.JAPANESE))
			.isEqualTo("ウイルスチェック未実施（スキャナー未設定）");
		assertThat(
				messages.getMessage("document.infected", new Object[] { "a.pdf", "Eicar-Signature" }, Locale.ENGLISH))
			.contains("Eicar-Signature", "\"a.pdf\"");
	}

	private static Set<String> keys(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
