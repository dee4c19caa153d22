/**
 * Obligations: the dated duties each contract's clauses create (planned from the pinned
 * profile's requirements that apply to the contract's scope), each met by written
 * submissions (書面) the client accepts or returns; the dashboard of who owes what by when.
 */
@NullMarked
@ApplicationModule(displayName = "Obligations",
		allowedDependencies = { "audit", "calendar", "catalog", "catalog :: checks", "contract", "contract :: closing",
				"contract :: sections", "contract :: system", "document", "organisation", "organisation :: system",
				"platform" })
package jp.itaku.obligation;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
