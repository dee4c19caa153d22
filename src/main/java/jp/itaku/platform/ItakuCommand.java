package jp.itaku.platform;

import org.springframework.boot.ApplicationArguments;

/**
 * An operator command run instead of the web server, as
 * {@code java -jar itaku.jar --itaku.command=NAME [options]}; the process exits with the
 * command's status.
 */
public interface ItakuCommand {

	/**
	 * Returns the command's name as given to {@code --itaku.command}.
	 * @return the name
	 */
	String name();

	/**
	 * Runs the command, writing its result to the operator's terminal with
	 * {@link Terminal}.
	 * @param arguments the command line
	 * @return the process exit status, 0 for success
	 */
	int run(ApplicationArguments arguments);

}
