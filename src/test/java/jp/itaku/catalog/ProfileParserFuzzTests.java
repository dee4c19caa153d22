package jp.itaku.catalog;

import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the clause profile import (YAML or JSON), which a security administrator
 * uploads. Its contract: a file is read into a profile or refused with
 * {@link InvalidProfileException} whose every error names a line or a field and says what
 * is wrong — never another exception (the API answers those errors as 400 and stores
 * nothing).
 */
class ProfileParserFuzzTests {

	private static final ProfileParser PARSER = ProfileTestSupport.parser();

	@FuzzTest(maxDuration = "10s")
	void readsAnyProfileFile(byte[] content) {
		String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
		try {
			ProfileDefinition profile = PARSER.parse("fuzz.yaml", text, Locale.JAPANESE);
			assertThat(profile).isNotNull();
		}
		catch (InvalidProfileException ex) {
			assertThat(ex.getErrors()).isNotEmpty();
			for (ProfileError error : ex.getErrors()) {
				assertThat(error.line() > 0 || (error.field() != null && !error.field().isBlank()))
					.as("%s names a line or a field", error)
					.isTrue();
				assertThat(error.message()).isNotBlank();
			}
		}
	}

}
