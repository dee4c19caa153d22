package jp.itaku.logevidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.SignIn;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.ItakuProblem;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder for the on-premises case: a contractor's system drops its log files
 * into {@code itaku.logs.watch-dir}/{contract id}/{source id}/, and every
 * {@code itaku.logs.watch-interval} the files that have not changed for a few seconds are
 * ingested as the configured contractor user ({@code itaku.logs.watch-user}, a lead or
 * worker of the contract: the same rules as an upload), then moved to {@code done/}
 * (stored, or recognised as sent before), {@code pending/} (malformed lines: the batch
 * waits on the page) or {@code failed/} with a {@code .error} note. Off while the folder
 * is not set.
 */
@Component
class LogFolderWatcher {

	private static final Logger log = LoggerFactory.getLogger(LogFolderWatcher.class);

	private static final Duration STABLE = Duration.ofSeconds(5);

	private static final List<String> OUTCOMES = List.of("done", "pending", "failed");

	private final LogEvidence logs;

	private final AccountSystemReads accountReads;

	private final SignIn signIn;

	private final Clock clock;

	private final String dir;

	private final String username;

	LogFolderWatcher(LogEvidence logs, SignIn signIn, Clock clock, @Value("${itaku.logs.watch-dir:}") String dir,
			@Value("${itaku.logs.watch-user:}") String username, AccountSystemReads accountReads) {
		this.logs = logs;
		this.signIn = signIn;
		this.clock = clock;
		this.dir = dir;
		this.username = username;
		this.accountReads = accountReads;
	}

	/**
	 * Ingests what has arrived in the configured folder.
	 */
	@Scheduled(fixedDelayString = "${itaku.logs.watch-interval:PT1M}")
	@SchedulerLock(name = "itaku-log-folder", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}")
	public void poll() {
		if (this.dir.isBlank() || this.username.isBlank()) {
			return;
		}
		var user = this.accountReads.findByUsernameUnscoped(this.username);
		if (user.isEmpty()) {
			log.warn("Watched log folder: user {} not found", this.username);
			return;
		}
		Actor actor = ((ActorPrincipal) this.signIn.completeAuthenticationOf(user.get().getId())
			.orElseThrow()
			.getPrincipal()).actor();
		List<String> outcomes = scan(Path.of(this.dir), actor);
		if (!outcomes.isEmpty()) {
			log.info("Watched log folder: {}", outcomes);
		}
	}

	/**
	 * Ingests the stable files under a folder as an actor.
	 * @param root the watched folder
	 * @param actor the contractor's user
	 * @return per file, its name and where it went
	 */
	List<String> scan(Path root, Actor actor) {
		List<String> outcomes = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return outcomes;
		}
		Instant stableBefore = Instant.now(this.clock).minus(STABLE);
		try (DirectoryStream<Path> contracts = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path contractDir : contracts) {
				UUID contractId = uuid(contractDir);
				if (contractId == null) {
					continue;
				}
				try (DirectoryStream<Path> sources = Files.newDirectoryStream(contractDir, Files::isDirectory)) {
					for (Path sourceDir : sources) {
						UUID sourceId = uuid(sourceDir);
						if (sourceId == null) {
							continue;
						}
						try (DirectoryStream<Path> files = Files.newDirectoryStream(sourceDir, Files::isRegularFile)) {
							for (Path file : files) {
								if (Files.getLastModifiedTime(file).toInstant().isBefore(stableBefore)) {
									outcomes.add(file.getFileName() + ": " + ingest(actor, contractId, sourceId, file));
								}
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return outcomes;
	}

	private String ingest(Actor actor, UUID contractId, UUID sourceId, Path file) throws IOException {
		String outcome;
		String error = null;
		try (InputStream in = Files.newInputStream(file)) {
			LogEvidence.Received received = this.logs.ingest(actor, contractId, sourceId, file.getFileName().toString(),
					in, false);
			outcome = (received.batch().getStatus() == LogBatch.Status.PENDING) ? "pending" : "done";
		}
		catch (ItakuProblem ex) {
			outcome = "failed";
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		Path target = file.resolveSibling(outcome);
		Files.createDirectories(target);
		Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		if (error != null) {
			Files.writeString(target.resolve(file.getFileName() + ".error"), error, StandardCharsets.UTF_8);
		}
		return outcome;
	}

	private static @Nullable UUID uuid(Path dir) {
		String name = dir.getFileName().toString();
		if (OUTCOMES.contains(name)) {
			return null;
		}
		try {
			return UUID.fromString(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
