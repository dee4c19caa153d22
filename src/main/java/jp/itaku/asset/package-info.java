/**
 * Information assets received from the client (Setagaya 26, Kadoma 6, Nerima 13): the
 * register of each contract's assets (kind, description, important / personal / My Number
 * flags, quantity, storage, holder), kept as an append-only list of events (a correction
 * is a new event referring to the one it corrects), and the receipts, each issuing a
 * numbered custody receipt (預かり証) as PDF to the client's CUSTODY_RECEIPT obligation.
 */
@NullMarked
@ApplicationModule(displayName = "Information assets",
		allowedDependencies = { "account", "account :: system", "approval", "audit", "catalog", "contract",
				"contract :: closing", "contract :: system", "document", "obligation", "obligation :: producers",
				"obligation :: system", "organisation", "organisation :: system", "platform", "roster",
				"roster :: system" })
package jp.itaku.asset;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
