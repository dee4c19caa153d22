package jp.itaku.logevidence;

/**
 * What a run of the checks changed.
 *
 * @param found new findings
 * @param confirmed findings found again
 * @param withdrawn open findings no longer found (the roster, IDs or schedules were
 * corrected)
 */
public record CheckOutcome(int found, int confirmed, int withdrawn) {

}
