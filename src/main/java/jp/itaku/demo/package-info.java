/**
 * Demo data: seeded by the README's run command (profile {@code demo}) so that every role
 * and every feature can be tried on first start. Never active in production.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "account", "asset", "audit", "calendar", "catalog", "clientid", "contract", "emergency",
				"incident", "inspection", "logevidence", "obligation", "organisation", "platform", "roster",
				"selfinspection", "servicelevel", "subcontract", "training", "worksite" })
package jp.itaku.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
