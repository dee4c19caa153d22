/**
 * The client's requests for a report or material (報告・資料の請求): for every requirement of the
 * contract's profile that binds the contractor to report, explain or submit when the
 * client asks (an {@code ON_REQUEST} trigger with a document to deliver; Nerima 22 and
 * 22②, Gunma 9 and 15③, Kadoma 8(5) and 11(4), Setagaya 10), the client's officer or
 * security administrator records what it asks for, under which clause, by when, for which
 * period and which level of the subcontracting chain. Each request raises its
 * requirement's obligation through {@code Obligations}; the contractor answers through
 * the obligation's submission, or with Itaku's own export of the logs of the period.
 */
@NullMarked
@ApplicationModule(displayName = "Client requests", allowedDependencies = { "audit", "catalog", "contract",
		"contract :: sections", "logevidence", "obligation", "obligation :: producers", "platform" })
package jp.itaku.clientrequest;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
