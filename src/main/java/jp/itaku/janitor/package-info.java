/**
 * Janitor: a nightly job, on one node at a time, that removes what interrupted or losing
 * writes leave behind — partial uploads, spool copies of decided log batches, stored
 * documents no record refers to, expired one-time request keys — and audits what it
 * removed.
 */
@NullMarked
@ApplicationModule(displayName = "Janitor", allowedDependencies = { "audit", "document", "logevidence", "platform" })
package jp.itaku.janitor;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
