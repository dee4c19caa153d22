/**
 * Incidents (事故・インシデント, Setagaya 35–36, Kadoma 12, Nerima 24–25, Gunma 16): the
 * contractor's report from a phone, the mail and banner that tell the client's security
 * administrators at once, acknowledgement and the measured times against the contract's
 * "immediately", the timeline of updates and instructions, cause analysis and recurrence
 * prevention, closure, the client's publication decision, the incident report PDF
 * submitted to the INCIDENT_REPORT obligations, and the emergency response plan's panel
 * (Kadoma 12(1)イ, Nerima 24③).
 */
@NullMarked
@ApplicationModule(displayName = "Incidents", allowedDependencies = { "account", "audit", "calendar", "catalog",
		"contract", "document", "obligation", "organisation", "platform", "training" })
package jp.itaku.incident;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
