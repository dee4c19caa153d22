package jp.itaku.platform.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server starts on the first try after a crash: after its postmaster alone
 * was killed with {@code kill -9} (a stale {@code postmaster.pid}, leftover backends),
 * when {@code postmaster.pid} names a live process that is not a PostgreSQL server of the
 * data directory (a pid reused after a reboot), and when the postmaster dies under a
 * running server, which then starts again on the same port. A second process does not
 * start a second server on the same data directory. (An orphaned postmaster left by a
 * killed JVM: {@code CrashAndBackupIT}.)
 */
class EmbeddedRestartIT {

	@TempDir
	Path work;

	private final EmbeddedCredentials credentials = EmbeddedCredentials.random();

	@Test
	void startsAfterItsPostmasterAloneWasKilled() throws Exception {
		Path dataDir = this.work.resolve("postgres");
		try (EmbeddedPostgresServer server = start(dataDir)) {
			write(server, "create table kept (v text); insert into kept values ('before the crash')");
			kill9(server.pid());
		}
		assertThat(dataDir.resolve("postmaster.pid")).exists();
		try (EmbeddedPostgresServer again = start(dataDir)) {
			assertThat(read(again, "select v from kept")).isEqualTo("before the crash");
		}
	}

	@Test
	void aPostmasterPidOfAnotherLiveProgramIsStaleAndRemoved() throws Exception {
		Path dataDir = this.work.resolve("postgres");
		start(dataDir).close();
		Process other = new ProcessBuilder("sleep", "60").start();
		try {
			Files.writeString(dataDir.resolve("postmaster.pid"), other.pid() + "\n" + dataDir + "\n0\n5432\n\n\n",
					StandardCharsets.US_ASCII);
			try (EmbeddedPostgresServer server = start(dataDir)) {
				assertThat(read(server, "select 'running'")).isEqualTo("running");
				assertThat(server.pid()).isNotEqualTo(other.pid());
			}
			assertThat(other.isAlive()).as("never signalled").isTrue();
		}
		finally {
			other.destroyForcibly();
		}
	}

	@Test
	void aDeadPostmasterIsStartedAgainOnTheSamePortAndASecondServerIsRefused() throws Exception {
		Path dataDir = this.work.resolve("postgres");
		try (EmbeddedPostgresServer server = start(dataDir)) {
			int port = server.port();
			write(server, "create table kept (v text); insert into kept values ('committed')");
			assertThat(server.restartIfDead()).isFalse();
			kill9(server.pid());
			assertThat(server.restartIfDead()).isTrue();
			assertThat(server.port()).isEqualTo(port);
			assertThat(read(server, "select v from kept")).isEqualTo("committed");
			assertThatThrownBy(() -> start(dataDir)).isInstanceOf(EmbeddedDatabaseInUse.class);
			try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(settings(dataDir),
					this.credentials, true)) {
				assertThat(attached.isAttached()).isTrue();
				assertThat(attached.port()).isEqualTo(port);
			}
			assertThat(read(server, "select v from kept")).as("the attached command leaves it running")
				.isEqualTo("committed");
		}
	}

	private EmbeddedPostgresServer start(Path dataDir) {
		return EmbeddedPostgresServer.startOrAttach(settings(dataDir), this.credentials, false);
	}

	private static EmbeddedPostgresServer.Settings settings(Path dataDir) {
		// Durable, as outside the tests: with fsync and synchronous commit off (the old
		// setting) the committed rows of these tests are lost by a kill -9.
		return new EmbeddedPostgresServer.Settings(dataDir, 0, true, Duration.ofMinutes(2), Duration.ZERO,
				EmbeddedPostgresServer.Settings.SHARED_BUFFERS);
	}

	private static void kill9(long pid) throws InterruptedException {
		ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
		handle.destroyForcibly();
		handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
	}

	private static void write(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection connection = server.superuserConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String read(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection connection = server.superuserConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
