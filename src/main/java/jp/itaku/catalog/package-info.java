/**
 * Clause catalog: the special clauses (特記事項) of each public body as a versioned clause
 * profile — every clause verbatim, with its category and the structured requirements (who
 * must do what, when, under which conditions, proven by which document or register). The
 * spine that contracts and obligations are generated from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clause catalog")
package jp.itaku.catalog;
