/**
 * Janitor: a nightly job, on one node at a time, that removes what interrupted or losing
 * writes leave behind — partial uploads, spool copies of decided log batches, stored
 * documents no record refers to, expired one-time request keys — and audits what it
 * removed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Janitor")
package jp.itaku.janitor;
