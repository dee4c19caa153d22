/**
 * Monthly self-inspections (自己点検, Kadoma 11(1)): the checklist generated from the
 * contract's clause profile and scope, the contractor's monthly answers with remarks,
 * evidence and corrective actions, the written report submitted to the month's
 * SELF_INSPECTION_REPORT obligation, and the trend over the months.
 */
@NullMarked
@ApplicationModule(displayName = "Self-inspections",
		allowedDependencies = { "account", "account :: system", "audit", "calendar", "catalog", "contract",
				"contract :: system", "document", "obligation", "obligation :: system", "organisation",
				"organisation :: system", "platform" })
package jp.itaku.selfinspection;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
