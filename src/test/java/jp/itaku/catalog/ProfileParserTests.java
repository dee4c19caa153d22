package jp.itaku.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A broken profile is refused with every fault named by line and field, in Japanese.
 */
class ProfileParserTests {

	static ProfileParser parser() {
		return ProfileTestSupport.parser();
	}

	private static String resource(String path) throws IOException {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void schemaFaultsAreNamedByLineAndField() throws IOException {
		InvalidProfileException ex = catchThrowableOfType(InvalidProfileException.class,
				() -> parser().parse("broken-profile.yaml", resource("catalog/broken-profile.yaml"), Locale.JAPANESE));
		assertThat(ex.getFile()).isEqualTo("broken-profile.yaml");
		assertThat(ex.getErrors()).extracting(ProfileError::field, ProfileError::line)
			.contains(org.assertj.core.groups.Tuple.tuple("clauses[1].category", 21),
					org.assertj.core.groups.Tuple.tuple("clauses[1].requirements[0].deadline.policy", 28));
		assertThat(ex.getErrors()).allSatisfy((e) -> assertThat(e.message()).isNotBlank());
	}

	@Test
	void rulesOfTheCatalogAreCheckedToo() throws IOException {
		InvalidProfileException ex = catchThrowableOfType(InvalidProfileException.class, () -> parser()
			.parse("rule-broken-profile.yaml", resource("catalog/rule-broken-profile.yaml"), Locale.JAPANESE));
		assertThat(ex.getErrors()).extracting(ProfileError::field)
			.contains("clauses[0].requirements[0].kind", "clauses[1].ref", "clauses[1].parent",
					"clauses[1].requirements");
		assertThat(ex.getErrors()).filteredOn((e) -> e.field().equals("clauses[1].ref"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.line()).isEqualTo(15);
				assertThat(e.message()).contains("重複");
			});
	}

	@Test
	void yamlSyntaxErrorsCarryTheirLine() {
		InvalidProfileException ex = catchThrowableOfType(InvalidProfileException.class,
				() -> parser().parse("syntax.yaml", "code: x\nclauses:\n  - ref: \"1\n", Locale.JAPANESE));
		assertThat(ex.getErrors()).singleElement().satisfies((e) -> assertThat(e.line()).isGreaterThan(0));
	}

	@Test
	void aKeyGivenTwiceIsRefusedWithItsLine() {
		String profile = """
				code: twice
				clauses:
				  - ref: "1"
				    text: 一
				    category: CONFIDENTIALITY
				    requirements:
				      - kind: PROHIBITION
				        actor: CONTRACTOR
				        summary: 漏らさない
				        trigger: {type: CONTINUOUS}
				        trigger: {type: CONTRACT_START}
				""";
		InvalidProfileException ex = catchThrowableOfType(InvalidProfileException.class,
				() -> parser().parse("twice.yaml", profile, Locale.JAPANESE));
		assertThat(ex.getErrors()).singleElement().satisfies((e) -> {
			assertThat(e.line()).isEqualTo(11);
			assertThat(e.field()).isEqualTo("clauses[0].requirements[0].trigger");
			assertThat(e.message()).contains("trigger", "2回");
		});
	}

}
