package jp.itaku;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards on the source text, for what the compiled classes no longer show: advisory-lock
 * SQL written in one place only, and no inline fully-qualified names (an import says what
 * a file depends on; a name spelled out in the middle of the code hides it).
 */
class SourceRulesTests {

	private static final Path MAIN = Path.of("src/main/java");

	private static final Pattern QUALIFIED = Pattern.compile(
			"(?<![\\w.@\"])((?:java|javax|jakarta|org|jp|com|tools|io|net)(?:\\.[a-z_][a-z0-9_]*)+)\\.([A-Z]\\w*)");

	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);

	private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");

	@Test
	void advisoryLockSqlOnlyInTransactionLocks() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path source : sources()) {
			String text = Files.readString(source, StandardCharsets.UTF_8);
			if ((text.contains("pg_advisory") || text.contains("pg_try_advisory"))
					&& !source.endsWith(Path.of("jp/itaku/platform/database/TransactionLocks.java"))) {
				found.add(MAIN.relativize(source).toString());
			}
		}
		assertThat(found).as("advisory-lock SQL outside platform.database.TransactionLocks").isEmpty();
	}

	@Test
	void noInlineFullyQualifiedNames() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path source : sources()) {
			if (source.getFileName().toString().equals("package-info.java")) {
				continue;
			}
			found.addAll(qualifiedNames(MAIN.relativize(source).toString(),
					Files.readString(source, StandardCharsets.UTF_8)));
		}
		assertThat(found).as("inline fully-qualified names; import the type instead").isEmpty();
	}

	@Test
	void theRuleSeesAQualifiedNameButNotAClashingOne() {
		assertThat(qualifiedNames("A.java", "package p;\n\nclass A {\n\tjava.util.List<String> x;\n}\n")).hasSize(1);
		assertThat(qualifiedNames("A.java",
				"package p;\n\nimport java.awt.List;\n\nclass A {\n\tjava.util.List<String> x; // java.util.Map\n"
						+ "\tString s = \"java.util.Set\";\n}\n"))
			.isEmpty();
	}

	/**
	 * The qualified names in a file's code (not in comments or strings), except where the
	 * simple name is taken by an import or a type of the file, which is what a qualified
	 * name is for.
	 */
	static List<String> qualifiedNames(String file, String text) {
		Set<String> taken = new HashSet<>();
		Matcher imports = IMPORT.matcher(text);
		int body = 0;
		while (imports.find()) {
			taken.add(imports.group(2));
			body = imports.end();
		}
		Matcher declared = DECLARED.matcher(text);
		while (declared.find()) {
			taken.add(declared.group(1));
		}
		String code = codeOnly(text);
		List<String> found = new ArrayList<>();
		Matcher m = QUALIFIED.matcher(code);
		while (m.find(body)) {
			body = m.end();
			if (!taken.contains(m.group(2)) && !code.substring(0, m.start()).endsWith("package ")) {
				long line = code.substring(0, m.start()).chars().filter((c) -> c == '\n').count() + 1;
				found.add(file + ":" + line + " " + m.group(1) + "." + m.group(2));
			}
		}
		return found;
	}

	/** The text with comments, strings and character literals blanked out. */
	private static String codeOnly(String text) {
		StringBuilder out = new StringBuilder(text);
		int i = 0;
		while (i < text.length()) {
			int end;
			if (text.startsWith("//", i)) {
				end = text.indexOf('\n', i);
				end = (end < 0) ? text.length() : end;
			}
			else if (text.startsWith("/*", i)) {
				end = text.indexOf("*/", i + 2);
				end = (end < 0) ? text.length() : end + 2;
			}
			else if (text.startsWith("\"\"\"", i)) {
				end = text.indexOf("\"\"\"", i + 3);
				end = (end < 0) ? text.length() : end + 3;
			}
			else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
				char quote = text.charAt(i);
				end = i + 1;
				while (end < text.length() && text.charAt(end) != quote) {
					end += (text.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end + 1, text.length());
			}
			else {
				i++;
				continue;
			}
			for (int k = i; k < end; k++) {
				if (out.charAt(k) != '\n') {
					out.setCharAt(k, ' ');
				}
			}
			i = end;
		}
		return out.toString();
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((f) -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

}
