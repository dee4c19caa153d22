/**
 * Incidents (事故・インシデント, Setagaya 35–36, Kadoma 12, Nerima 24–25, Gunma 16): the
 * contractor's report from a phone, the mail and banner that tell the client's security
 * administrators at once, acknowledgement (measured against the contract's 直ちに), the
 * report's timeliness measured against the term of its own clause's INCIDENT_REPORT
 * obligation, the timeline of updates and instructions, cause analysis and recurrence
 * prevention, closure, the client's publication decision, the incident report PDF
 * submitted to the INCIDENT_REPORT obligations, and the emergency response plan's panel
 * (Kadoma 12(1)イ, Nerima 24③).
 */
@NullMarked
@ApplicationModule(displayName = "Incidents",
		allowedDependencies = { "account", "account :: system", "audit", "calendar", "catalog", "contract",
				"contract :: system", "document", "obligation", "obligation :: producers", "obligation :: system",
				"organisation", "organisation :: system", "platform", "roster :: purposes", "training" })
package jp.itaku.incident;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
