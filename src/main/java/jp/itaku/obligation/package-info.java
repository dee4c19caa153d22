/**
 * Obligations: the dated duties each contract's clauses create (planned from the pinned
 * profile's requirements that apply to the contract's scope), each met by written
 * submissions (書面) the client accepts or returns; the dashboard of who owes what by when.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Obligations")
package jp.itaku.obligation;
