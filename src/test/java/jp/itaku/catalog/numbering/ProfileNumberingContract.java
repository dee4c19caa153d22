package jp.itaku.catalog.numbering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every profile's numbering test fulfils: the clause references of the
 * profile file are exactly the numbering found in the source text, in order — no clause
 * missing, none invented — and every clause has a category and a requirement or an
 * informational marker. Each regime implements {@link #references(String)} by reading its
 * own numbering style from the source text, independently of the profile file.
 */
public abstract class ProfileNumberingContract {

	/**
	 * Returns the source text's file name in {@code src/test/resources/seeds}.
	 * @return the file name
	 */
	protected abstract String seedFile();

	/**
	 * Returns the profile's file name in {@code src/main/resources/catalog/profiles}.
	 * @return the file name
	 */
	protected abstract String profileFile();

	/**
	 * Reads the numbering of the source text, formatted as docs/catalog-format.md
	 * prescribes.
	 * @param source the source text
	 * @return every clause reference, in document order
	 */
	protected abstract List<String> references(String source);

	/**
	 * Removes the source's text-extraction artefacts (the seeds' README names them: a
	 * stray "[image: image1.png]", a duplicated "ない。") before texts are compared.
	 * Override to remove exactly the artefacts of one source; the default removes
	 * nothing.
	 * @param source the source text
	 * @return the source without artefacts
	 */
	protected String withoutArtefacts(String source) {
		return source;
	}

	protected ProfileDefinition profile() throws IOException {
		Path file = Path.of("src/main/resources/catalog/profiles", profileFile());
		return ProfileTestSupport.parser().parse(profileFile(), Files.readString(file), Locale.JAPANESE);
	}

	protected String source() throws IOException {
		return Files.readString(Path.of("src/test/resources/seeds", seedFile()), StandardCharsets.UTF_8);
	}

	@Test
	void clauseReferencesEqualTheSourceNumbering() throws IOException {
		List<String> expected = references(source());
		assertThat(expected).as("numbering read from the source").isNotEmpty();
		assertThat(profile().clauses()).extracting(ClauseDefinition::ref).containsExactlyElementsOf(expected);
	}

	@Test
	void everyClauseHasACategoryAndARequirementOrIsInformational() throws IOException {
		assertThat(profile().clauses()).allSatisfy((clause) -> {
			assertThat(clause.category()).as(clause.ref()).isNotNull();
			assertThat(clause.informational() || !clause.requirements().isEmpty()).as(clause.ref()).isTrue();
		});
	}

	@Test
	void clauseTextsAreVerbatimFromTheSource() throws IOException {
		String source = ProfileTestSupport.squash(withoutArtefacts(source()));
		assertThat(profile().clauses()).allSatisfy((clause) -> {
			for (String sentence : ProfileTestSupport.sentences(clause.text())) {
				assertThat(source).as(clause.ref() + ": " + sentence).contains(ProfileTestSupport.squash(sentence));
			}
		});
	}

}
