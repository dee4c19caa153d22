package jp.itaku.emergency;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emergency contacts ({@code itaku.emergency.*}). The daily confirmation
 * reminder runs at {@code itaku.emergency.cron} (Asia/Tokyo, default 07:30) whenever the
 * reminder scheduler runs ({@code itaku.reminders.enabled}), from the reminders' sender
 * address.
 *
 * @param confirmEvery how long after its last submission or confirmation the list must be
 * confirmed current again (ISO-8601 period, e.g. {@code P3M}, {@code P1M}, {@code P6M})
 */
@ConfigurationProperties("itaku.emergency")
record EmergencyProperties(@DefaultValue("P3M") Period confirmEvery) {

	EmergencyProperties {
		if (confirmEvery.isNegative() || confirmEvery.isZero()) {
			throw new IllegalArgumentException("itaku.emergency.confirm-every must be a positive period");
		}
	}

}
