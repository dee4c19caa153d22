/**
 * Pledges and training (誓約書・教育・訓練): each worker's pledge, generated from the contract's
 * clause profile and signed by an uploaded scan or by the worker's own acknowledgement;
 * training sessions and emergency-response drills with who attended and how; the written
 * records submitted to the obligations they meet; and the readiness the roster asks
 * before a worker starts (Setagaya 16, Kadoma 1(2)(3) and 5, Nerima 9–10 and 24③).
 */
@NullMarked
@ApplicationModule(displayName = "Pledges and training",
		allowedDependencies = { "audit", "calendar", "catalog", "contract", "contract :: system", "document",
				"obligation", "obligation :: system", "organisation", "organisation :: system", "platform", "roster",
				"roster :: system" })
package jp.itaku.training;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
