/**
 * Notices and reports (届出・報告) of events that no other flow records: a security problem or
 * a difficulty in complying, a vulnerability found or a patch to consult on, a suspected
 * credential leak, a change of a submitted document (the contractor), and the client's
 * instruction or a breach of the clauses (the client). Each notice is a dated, numbered
 * record of its contract, audited, and raises the obligations that the contract's profile
 * attaches to its event.
 */
@NullMarked
@ApplicationModule(displayName = "Notices", allowedDependencies = { "audit", "catalog", "contract",
		"contract :: sections", "obligation", "obligation :: producers", "platform" })
package jp.itaku.notice;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
