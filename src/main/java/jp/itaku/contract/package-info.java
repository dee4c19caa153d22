/**
 * Contracts: one outsourcing contract between a client and a contractor, under a pinned
 * version of a clause profile, with the scope attributes that decide which requirements
 * apply, its deadline durations, work locations and service levels, and its lifecycle.
 */
@NullMarked
@ApplicationModule(displayName = "Contracts",
		allowedDependencies = { "audit", "catalog", "organisation", "organisation :: system", "platform" })
package jp.itaku.contract;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
