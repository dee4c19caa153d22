/**
 * Work schedules (勤務予定表, Kadoma 2(2)) and entry logs (入退室記録簿, Kadoma 14(4)): who is
 * planned to work when, checked against the roster and submitted monthly (and again on
 * every change) as a written form; who entered and left the work area, matched to the
 * roster on the day, visitors shown as such and anyone else flagged.
 */
@NullMarked
@ApplicationModule(displayName = "Work schedules and entry logs",
		allowedDependencies = { "approval", "audit", "calendar", "catalog", "contract", "contract :: sections",
				"document", "obligation", "obligation :: producers", "obligation :: system", "organisation",
				"organisation :: system", "platform", "roster", "roster :: system" })
package jp.itaku.worksite;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
