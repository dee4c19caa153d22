/**
 * Implementation plans (実施計画): for each periodic duty of a contract's clauses that has no
 * calendar of its own (training and drills "according to a plan", checks, backups, log
 * analysis, patches "regularly": Setagaya 10, 16, 19, 24; Nerima 第18条⑷オ, 第24条第3項), the
 * contractor's lead states an interval or the planned days, the client reads it, and each
 * planned day becomes an obligation due on that day. Owns the table
 * {@code implementation_plan}.
 */
@NullMarked
@ApplicationModule(displayName = "Implementation plans", allowedDependencies = { "audit", "calendar", "catalog",
		"contract", "contract :: sections", "contract :: system", "obligation", "obligation :: producers", "platform" })
package jp.itaku.plan;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
