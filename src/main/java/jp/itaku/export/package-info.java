/**
 * Exports: a contract's obligations as an Excel workbook an officer can attach to a
 * report, and a personal iCalendar feed of due dates for Outlook, reached through a
 * secret URL whose token is stored only as a hash. Every read is scoped through the
 * contract.
 */
@NullMarked
@ApplicationModule(displayName = "Exports", allowedDependencies = { "account", "audit", "calendar", "catalog",
		"contract", "obligation", "organisation", "organisation :: system", "platform" })
package jp.itaku.export;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
