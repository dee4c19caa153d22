/**
 * Clause catalog: the special clauses (特記事項) of each public body as a versioned clause
 * profile — every clause verbatim, with its category and the structured requirements (who
 * must do what, when, under which conditions, proven by which document or register). The
 * spine that contracts and obligations are generated from.
 */
@NullMarked
@ApplicationModule(displayName = "Clause catalog", allowedDependencies = { "audit", "platform" })
package jp.itaku.catalog;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
