/**
 * Subcontracting (再委託, Setagaya 4/33, Kadoma 8, Nerima 15/16/22②, Gunma 14): applications
 * with everything the clauses ask for, the client's approval or rejection, chains of any
 * depth with upstream notices, the applicant's supervision records, the chain as a tree,
 * and the contract participation of approved subcontractors.
 */
@NullMarked
@ApplicationModule(displayName = "Subcontracting",
		allowedDependencies = { "account", "account :: system", "approval", "audit", "calendar", "catalog", "contract",
				"contract :: participation", "contract :: system", "document", "obligation", "obligation :: producers",
				"obligation :: system", "organisation", "organisation :: system", "platform", "roster",
				"roster :: system" })
package jp.itaku.subcontract;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
