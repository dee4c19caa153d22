package jp.itaku.clientid;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the module's code names (errors, kinds, reasons, the departure mail)
 * exists in both languages; the shared completeness test does not look at this prefix.
 */
class ClientIdLabelsTests {

	private static final Pattern KEY = Pattern.compile("\"(clientid\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

	@Test
	void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
		Set<String> named = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/jp/itaku/clientid"))) {
			for (Path source : files.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(source));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		for (IdKind kind : IdKind.values()) {
			named.add("clientid.kind." + kind);
		}
		for (InactiveReason reason : InactiveReason.values()) {
			named.add("clientid.reason." + reason);
		}
		assertThat(named).contains("clientid.value.taken", "clientid.mail.subject");
		for (String bundle : List.of("clientid-labels.properties", "clientid-labels_en.properties")) {
			Properties labels = load(bundle);
			assertThat(labels.stringPropertyNames()).as(bundle).containsAll(named);
		}
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
