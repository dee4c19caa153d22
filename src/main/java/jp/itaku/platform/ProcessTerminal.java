package jp.itaku.platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * The process's own standard output, written directly rather than through the logging
 * system.
 */
@Component
class ProcessTerminal implements Terminal {

	private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	@Override
	public void line(String line) {
		this.out.println(line);
	}

}
