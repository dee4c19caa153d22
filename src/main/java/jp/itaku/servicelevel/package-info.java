/**
 * Service levels measured (Setagaya 37, Kadoma 3, Gunma 6): the contractor records each
 * period's actual value against every measurable target of the contract, the module
 * decides whether the target was met, and breaches show on the contract's page and on the
 * dashboards.
 */
@NullMarked
@ApplicationModule(displayName = "Service levels",
		allowedDependencies = { "audit", "calendar", "contract", "platform" })
package jp.itaku.servicelevel;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
