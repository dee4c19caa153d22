/**
 * Contracts: one outsourcing contract between a client and a contractor, under a pinned
 * version of a clause profile, with the scope attributes that decide which requirements
 * apply, its deadline durations, work locations and service levels, and its lifecycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts")
package jp.itaku.contract;
