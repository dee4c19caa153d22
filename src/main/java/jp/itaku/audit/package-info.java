/**
 * Audit trail (Setagaya 17–18, Gunma 3ウ and 9, Kadoma 1(7)): every change, every sign-in
 * and every view of sensitive personal data as an append-only, hash-chained entry;
 * search, CSV export, chain verification and retention-bounded purge.
 */
@NullMarked
@ApplicationModule(displayName = "Audit trail", allowedDependencies = { "document", "platform" })
package jp.itaku.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
