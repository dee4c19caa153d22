package jp.itaku.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * Where an audit or inspection stands, derived from its records so that it never
 * disagrees with them: planned (its day has not come and nothing is observed), in
 * progress (observations being recorded), following up (a finding is not closed yet), or
 * completed (every line observed and every finding closed).
 */
public enum InspectionState {

	/** 予定 */
	PLANNED,

	/** 実施中 */
	IN_PROGRESS,

	/** 改善フォロー中 */
	FOLLOWING_UP,

	/** 完了 */
	COMPLETED;

	/**
	 * Derives the state of an inspection.
	 * @param inspection the inspection
	 * @param lines its checklist
	 * @param findings its findings
	 * @param today today in Tokyo
	 * @return the state
	 */
	static InspectionState of(Inspection inspection, List<ChecklistLine> lines, List<Finding> findings,
			LocalDate today) {
		if (findings.stream().anyMatch((f) -> !f.getStatus().isClosed())) {
			return FOLLOWING_UP;
		}
		boolean observed = lines.stream().anyMatch((l) -> l.getResult() != LineResult.NOT_CHECKED);
		boolean allObserved = lines.stream().allMatch((l) -> l.getResult() != LineResult.NOT_CHECKED);
		if (allObserved && !inspection.getHeldOn().isAfter(today)) {
			return COMPLETED;
		}
		if (!observed && findings.isEmpty() && inspection.getHeldOn().isAfter(today)) {
			return PLANNED;
		}
		return IN_PROGRESS;
	}

}
