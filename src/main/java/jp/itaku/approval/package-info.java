/**
 * Prior approvals (事前承認): one workflow for every act a contract's clause profile allows
 * only with the client's prior approval (its BEFORE_ACTION requirements), numbered
 * applications with their PDF/A, maker and checker, conditions, validity, revocation; the
 * register of every approval of a contract, including those the dedicated flows (asset
 * requests, subcontracts) decide, read through {@link jp.itaku.approval.ApprovalSource};
 * and the query other modules ask before recording an act ({@link Approvals#require}).
 */
@NullMarked
@ApplicationModule(displayName = "Prior approvals",
		allowedDependencies = { "account", "account :: system", "audit", "calendar", "catalog", "contract",
				"contract :: sections", "contract :: system", "document", "obligation", "obligation :: producers",
				"organisation", "organisation :: system", "platform" })
package jp.itaku.approval;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
