/**
 * Audits and on-site inspections by the client (監査・実地調査・書面調査, Setagaya 33–34, Kadoma
 * 11(2)–(4), Nerima 22–23, Gunma 15; requests for material, Gunma 9, Kadoma 11(4)): the
 * plan with its checklist drawn from the contract's profile, observations per line,
 * findings with improvement instructions (改善指示) and due dates, the contractor's response
 * with evidence, the client's verification and closure, requests for material tracked as
 * ON_REQUEST obligations, and the audit report PDF. Not the audit trail ({@code audit}).
 */
@NullMarked
@ApplicationModule(displayName = "Inspections",
		allowedDependencies = { "audit", "calendar", "catalog", "contract", "document", "finding", "finding :: sources",
				"obligation", "obligation :: producers", "organisation", "organisation :: system", "platform" })
package jp.itaku.inspection;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
