/**
 * Log evidence (Setagaya 17, 18, 24; Kadoma 1(7), 4, 14(8); Nerima 18⑷ア; Gunma 3ウ, 9):
 * the contractor's access and operation logs ingested from CSV, JSON Lines or syslog,
 * kept for the contract's retention in monthly partitions, and checked against the
 * roster, the client-issued IDs, the work schedules and the entry log; findings carry the
 * log lines as evidence.
 */
@NullMarked
@ApplicationModule(displayName = "Log evidence",
		allowedDependencies = { "account", "account :: system", "audit", "clientid", "clientid :: system", "contract",
				"document", "finding", "finding :: sources", "platform", "roster", "roster :: system", "worksite",
				"worksite :: system" })
package jp.itaku.logevidence;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
