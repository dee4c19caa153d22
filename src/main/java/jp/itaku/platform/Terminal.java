package jp.itaku.platform;

/**
 * The terminal of an operator who ran one of the application's commands (creating the
 * first administrator, verifying the audit chain). It is deliberately not the log: what a
 * command prints here, such as a one-time password, must never reach a log file.
 */
public interface Terminal {

	/**
	 * Writes one line to the operator's terminal.
	 * @param line the text
	 */
	void line(String line);

}
