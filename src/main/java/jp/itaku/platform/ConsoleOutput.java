package jp.itaku.platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal of an operator who ran one of the application's commands (creating the
 * first administrator, verifying the audit chain). It is deliberately not the log: what a
 * command prints here, such as a one-time password, must never reach a log file.
 */
public final class ConsoleOutput {

	private static final PrintStream TERMINAL = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	private ConsoleOutput() {
	}

	/**
	 * Writes one line to the operator's terminal.
	 * @param line the text
	 */
	public static void line(String line) {
		TERMINAL.println(line);
	}

}
