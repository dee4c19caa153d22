/**
 * Emergency contacts (緊急時連絡先, Setagaya 3(2)③, Kadoma 10(2)): per contract, the
 * contractor's list of whom to call, in which order and when; its submission as a
 * generated written form to the contract's obligations (the first list, then each
 * change); every submitted version; the lead's confirmation that the list is current and
 * a daily reminder when that confirmation is due. Owns the tables
 * {@code emergency_contact*} and {@code emergency_confirmation_reminder}.
 */
@NullMarked
@ApplicationModule(displayName = "Emergency contacts",
		allowedDependencies = { "account", "account :: system", "audit", "calendar", "catalog", "contract",
				"contract :: sections", "contract :: system", "document", "obligation", "obligation :: producers",
				"obligation :: system", "organisation", "organisation :: system", "platform" })
package jp.itaku.emergency;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
