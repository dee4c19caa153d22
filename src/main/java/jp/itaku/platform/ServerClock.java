package jp.itaku.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The server's own time synchronisation (Setagaya 18: logs need accurate time): read from
 * {@code timedatectl show} (systemd) or {@code chronyc tracking} (chrony) when either is
 * installed, otherwise honestly unknown. Read at most once a minute.
 */
@Component
public class ServerClock {

	private static final Duration CACHE = Duration.ofMinutes(1);

	private final Clock clock;

	private @Nullable State cached;

	private @Nullable Instant readAt;

	ServerClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Returns the synchronisation state.
	 * @return the state; {@code synchronised} is {@code null} when unknown
	 */
	public synchronized State state() {
		Instant now = Instant.now(this.clock);
		if (this.cached == null || this.readAt == null || this.readAt.plus(CACHE).isBefore(now)) {
			this.cached = read();
			this.readAt = now;
		}
		return this.cached;
	}

	private static State read() {
		List<String> timedatectl = run("timedatectl", "show");
		if (timedatectl != null) {
			State state = fromTimedatectl(timedatectl);
			if (state.synchronised() != null) {
				return state;
			}
		}
		List<String> chrony = run("chronyc", "tracking");
		if (chrony != null) {
			return fromChrony(chrony);
		}
		return new State("", null, List.of());
	}

	/**
	 * Reads {@code timedatectl show}: {@code NTPSynchronized=yes|no}, {@code NTP=…}.
	 * @param lines its output
	 * @return the state
	 */
	static State fromTimedatectl(List<String> lines) {
		Boolean synced = null;
		List<String> details = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("NTPSynchronized=")) {
				synced = line.endsWith("=yes");
			}
			if (line.startsWith("NTP=") || line.startsWith("Timezone=") || line.startsWith("NTPSynchronized=")) {
				details.add(line);
			}
		}
		return new State("timedatectl", synced, details);
	}

	/**
	 * Reads {@code chronyc tracking}: synchronised when the leap status is normal and a
	 * reference is set.
	 * @param lines its output
	 * @return the state
	 */
	static State fromChrony(List<String> lines) {
		Boolean synced = null;
		List<String> details = new ArrayList<>();
		for (String line : lines) {
			String l = line.strip();
			if (l.startsWith("Leap status")) {
				synced = l.endsWith("Normal");
			}
			if (l.startsWith("Reference ID") || l.startsWith("System time") || l.startsWith("Leap status")
					|| l.startsWith("Stratum")) {
				details.add(l);
			}
		}
		return new State("chronyc", synced, details);
	}

	private static @Nullable List<String> run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(2, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return (process.exitValue() == 0) ? out.lines().toList() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * The state.
	 *
	 * @param source where it was read ({@code timedatectl}, {@code chronyc}), or empty
	 * @param synchronised whether the clock is synchronised, or {@code null} when unknown
	 * @param details the lines read that matter
	 */
	public record State(String source, @Nullable Boolean synchronised, List<String> details) {
	}

}
