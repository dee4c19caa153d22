package jp.itaku.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Helpers for tests of clause profiles.
 */
public final class ProfileTestSupport {

	private ProfileTestSupport() {
	}

	/**
	 * Returns a parser that reads the application's message bundles.
	 * @return the parser
	 */
	public static ProfileParser parser() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ProfileParser(messages);
	}

	/**
	 * Reads and checks one of the profiles shipped in
	 * {@code src/main/resources/catalog/profiles}.
	 * @param code the profile's code, e.g. {@code kadoma}
	 * @return the profile
	 * @throws IOException when the file cannot be read
	 */
	public static ProfileDefinition bundled(String code) throws IOException {
		Path file = Path.of("src/main/resources/catalog/profiles", code + ".yaml");
		return parser().parse(file.getFileName().toString(), Files.readString(file), Locale.JAPANESE);
	}

	/**
	 * Removes all white space (PDF extraction breaks lines and adds spaces at random), so
	 * that a verbatim clause text can be found in its source.
	 * @param text the text
	 * @return the text without white space
	 */
	public static String squash(String text) {
		return text.replaceAll("[\\s\\u3000]+", "");
	}

	/**
	 * Splits a clause text into sentences (at 。), dropping empty ones.
	 * @param text the text
	 * @return its sentences
	 */
	public static List<String> sentences(String text) {
		return Arrays.stream(text.split("(?<=。)")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

}
