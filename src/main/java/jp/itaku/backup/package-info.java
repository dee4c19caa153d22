/**
 * Backup and restore: the database (an online physical backup of the embedded server; on
 * an external server, {@code pg_dump}), the document store and the keyset's fingerprint
 * in one set with a manifest, and the checks that a restored set is whole (the audit
 * chain, every document's SHA-256, every encrypted field).
 */
@NullMarked
@ApplicationModule(displayName = "Backup", allowedDependencies = { "audit", "document", "platform" })
package jp.itaku.backup;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
