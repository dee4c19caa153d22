package jp.itaku.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The README's worked examples, run by the tests so that what an operator is told to type
 * keeps working: a fenced block is found by the HTML comment before it
 * ({@code <!-- name: … -->}), and shell lines run with {@code bash}.
 */
public final class ReadmeExamples {

	private ReadmeExamples() {
	}

	/**
	 * Returns a fenced block of the README after a marker.
	 * @param marker the marker's name, e.g. {@code checkpoint-example}
	 * @param index 0 for the first block after the marker, 1 for the next
	 * @return the block's lines joined with line breaks, without the fences
	 */
	public static String block(String marker, int index) {
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int at = 0;
		while (at < lines.size() && !lines.get(at).startsWith("<!-- " + marker + ":")) {
			at++;
		}
		if (at == lines.size()) {
			throw new IllegalStateException("No <!-- " + marker + ": … --> in the README");
		}
		int found = -1;
		List<String> block = new ArrayList<>();
		boolean inside = false;
		for (int i = at + 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith("```")) {
				if (inside) {
					if (found == index) {
						return String.join("\n", block);
					}
					block.clear();
				}
				else {
					found++;
				}
				inside = !inside;
			}
			else if (inside) {
				block.add(line);
			}
		}
		throw new IllegalStateException("No block " + index + " after <!-- " + marker + " in the README");
	}

	/**
	 * Runs a shell script with {@code bash}, skipping the test when a command it needs is
	 * not installed.
	 * @param script the script
	 * @param stdin what to feed it, or {@code null}
	 * @param commands commands that must be on the PATH, e.g. {@code openssl}
	 * @return what it printed
	 * @throws IllegalStateException when it fails
	 */
	public static String bash(String script, byte[] stdin, String... commands) {
		for (String command : commands) {
			Assumptions.assumeTrue(run("command -v " + command, null, false) != null, command + " is not installed");
		}
		return run(script, stdin, true);
	}

	private static String run(String script, byte[] stdin, boolean required) {
		try {
			Process process = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (var in = process.getOutputStream()) {
				if (stdin != null) {
					in.write(stdin);
				}
			}
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				if (required) {
					throw new IllegalStateException("The script failed: " + script);
				}
				return null;
			}
			return out;
		}
		catch (IOException ex) {
			if (required) {
				throw new UncheckedIOException(ex);
			}
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
