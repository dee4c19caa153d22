/**
 * Reminders: e-mails that tell the contractor's leads of a deadline before it passes,
 * both sides on the day an obligation becomes overdue, and the contractor of each review
 * outcome — sent by a daily job that runs once across nodes, each at most once.
 */
@NullMarked
@ApplicationModule(displayName = "Reminders", allowedDependencies = { "account", "account :: system", "audit",
		"calendar", "catalog", "contract", "contract :: system", "obligation", "obligation :: system", "platform" })
package jp.itaku.reminder;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
