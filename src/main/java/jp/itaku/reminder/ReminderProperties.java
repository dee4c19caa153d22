package jp.itaku.reminder;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reminders ({@code itaku.reminders.*}). The daily job's time is
 * {@code itaku.reminders.cron} (Asia/Tokyo, default 07:00).
 *
 * @param enabled whether the daily job is scheduled (tests turn it off and call it)
 * @param daysBefore the days before a due date on which the contractor is reminded
 * @param catchUpDays how many days late a reminder is still sent when the job could not
 * send it on its day (e.g. the mail server was down); 0 sends only on the day itself
 * <p>
 * The sender address, {@code itaku.reminders.from}, is that of every mail the application
 * sends ({@code platform.mail.Mailer}).
 */
@ConfigurationProperties("itaku.reminders")
record ReminderProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"7", "3", "1" }) List<Integer> daysBefore, @DefaultValue("3") int catchUpDays){

	ReminderProperties {
		daysBefore = List.copyOf(daysBefore);
		if (daysBefore.stream().anyMatch((days) -> days < 0) || catchUpDays < 0) {
			throw new IllegalArgumentException("itaku.reminders.days-before and catch-up-days must not be negative");
		}
	}

}
