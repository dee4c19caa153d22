/**
 * Findings (指摘事項), whatever found them — the client's audits and inspections
 * ({@code inspection}) or the checks of the contractor's logs ({@code logevidence}): the
 * one workflow they share (open → acknowledged → explained → returned / closed), who may
 * take each step, and the mails that tell each side when it is its turn. The modules that
 * find things depend on this one, never the other way.
 */
@NullMarked
@ApplicationModule(displayName = "Findings",
		allowedDependencies = { "account", "account :: system", "audit", "contract", "contract :: system", "platform" })
package jp.itaku.finding;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
