/**
 * Rosters (従事者名簿): everyone who works on a contract, with role, duties, location and
 * period; the written notices of the roster and of every change to it; the readiness gate
 * (pledge and training) before a worker is active; the roster as it was on any date; and
 * the nationality some profiles ask for, encrypted and shown only for the clause's
 * purpose. Raises the obligations a worker joining or leaving creates.
 */
@NullMarked
@ApplicationModule(displayName = "Rosters",
		allowedDependencies = { "account", "account :: system", "approval", "audit", "calendar", "catalog", "contract",
				"document", "obligation", "obligation :: producers", "obligation :: system", "organisation",
				"organisation :: system", "platform" })
package jp.itaku.roster;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
