package jp.itaku.platform.database;

import jp.itaku.platform.StartupPhases;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * Measures Flyway's part of a start, from its validation to the end of the migrations,
 * for {@link StartupPhases}.
 */
@Component
class FlywayTiming implements Callback {

	private long began;

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE
				|| event == Event.AFTER_MIGRATE_ERROR;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public synchronized void handle(Event event, Context context) {
		if (event == Event.BEFORE_VALIDATE || (event == Event.BEFORE_MIGRATE && this.began == 0)) {
			this.began = System.nanoTime();
		}
		else if ((event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR) && this.began != 0) {
			StartupPhases.measured(StartupPhases.FLYWAY, System.nanoTime() - this.began);
			this.began = 0;
		}
	}

	@Override
	public String getCallbackName() {
		return "itaku-startup-timing";
	}

}
