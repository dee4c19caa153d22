/**
 * Client-issued IDs (門真市 特記仕様書 4(2)–(4)): the verification IDs (照合ID) the client issues
 * to each person on a contract's roster and the operator IDs (操作者ID) under them, with
 * issue and revocation; the finding "an ID still active for a person no longer active",
 * computed from the roster; and the departure's audit entry and notice to the client.
 * Owns table {@code client_issued_id}; reads rosters, contracts and the ID-revocation
 * obligations.
 */
@NullMarked
@ApplicationModule(displayName = "Client-issued IDs",
		allowedDependencies = { "account", "account :: system", "audit", "calendar", "catalog", "contract",
				"contract :: sections", "contract :: system", "obligation", "obligation :: system", "platform",
				"roster", "roster :: system" })
package jp.itaku.clientid;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
