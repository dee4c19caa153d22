package jp.itaku.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every profile file shipped with the application is valid: schema and catalog rules. A
 * fault fails here with its line and field.
 */
class BundledProfilesTests {

	static List<Path> profiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/catalog/profiles"))) {
			return files.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("profiles")
	void isValid(Path file) throws IOException {
		ProfileDefinition profile = ProfileParserTests.parser()
			.parse(file.getFileName().toString(), Files.readString(file), Locale.JAPANESE);
		assertThat(profile.clauses()).isNotEmpty();
		assertThat(profile.clauses()).allSatisfy((clause) -> assertThat(clause.category()).isNotNull());
	}

}
