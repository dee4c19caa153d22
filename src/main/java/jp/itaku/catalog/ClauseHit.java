package jp.itaku.catalog;

import java.util.UUID;

/**
 * A clause found by full-text search.
 *
 * @param profileId the profile version
 * @param issuer the issuing body
 * @param ref the clause's reference
 * @param heading its heading
 * @param text its text
 * @param category its category
 */
record ClauseHit(UUID profileId, String issuer, String ref, String heading, String text, ClauseCategory category) {
}
