/**
 * Keys kept outside the database, as operator commands: rotation of the field-encryption
 * keyset with the re-encryption of every encrypted field in resumable batches
 * ({@code rotate-keys}), and the removal of the old keys once nothing uses them
 * ({@code retire-keys}); every step in the audit trail.
 */
@NullMarked
@ApplicationModule(displayName = "Key rotation", allowedDependencies = { "audit", "platform" })
package jp.itaku.keys;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
