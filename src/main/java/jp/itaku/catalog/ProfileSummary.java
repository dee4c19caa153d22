package jp.itaku.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored profile version without its clauses, for lists.
 *
 * @param id the version's id
 * @param code the profile's code
 * @param version the version number
 * @param issuer the issuing body
 * @param issuerEn the issuer in English
 * @param title the document's title
 * @param origin shipped or imported
 * @param clauseCount number of clauses
 * @param requirementCount number of requirements
 * @param createdAt when it was stored
 */
public record ProfileSummary(UUID id, String code, int version, String issuer, String issuerEn, String title,
		ProfileOrigin origin, int clauseCount, int requirementCount, Instant createdAt) {
}
