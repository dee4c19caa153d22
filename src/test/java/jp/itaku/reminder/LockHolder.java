package jp.itaku.reminder;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.LockConfiguration;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A node that takes a scheduled job's lock as the application does (the database's lock,
 * kept alive) and then works forever, for {@link SchedulerLockLapseIT} to kill.
 * Arguments: JDBC URL, user, password, lock name, lock-at-most-for (ISO-8601).
 */
final class LockHolder {

	private LockHolder() {
	}

	public static void main(String[] args) throws InterruptedException {
		DriverManagerDataSource database = new DriverManagerDataSource(args[0], args[1], args[2]);
		boolean locked = ReminderConfiguration.keptAlive(database)
			.lock(new LockConfiguration(Instant.now(), args[3], Duration.parse(args[4]), Duration.ZERO))
			.isPresent();
		System.out.println(locked ? "LOCKED" : "BUSY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
