/**
 * Demo data: seeded by the README's run command (profile {@code demo}) so that every role
 * and every feature can be tried on first start. Never active in production.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "account", "account :: system", "approval", "asset", "audit", "calendar", "catalog",
				"clientid", "clientrequest", "contract", "contract :: system", "emergency", "incident", "inspection",
				"logevidence", "notice", "obligation", "obligation :: system", "organisation", "organisation :: system",
				"plan", "platform", "roster", "roster :: system", "selfinspection", "servicelevel", "subcontract",
				"subcontract :: system", "training", "worksite" })
package jp.itaku.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
