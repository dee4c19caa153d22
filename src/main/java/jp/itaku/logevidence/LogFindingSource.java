package jp.itaku.logevidence;

import java.util.List;

import jp.itaku.contract.Contract;
import jp.itaku.finding.FindingSource;
import jp.itaku.finding.FindingSummary;
import jp.itaku.platform.ItakuTime;

import org.springframework.stereotype.Component;

/**
 * The log checks' findings in the contract's one list of findings, each linking its row
 * on the contract's log page.
 */
@Component
class LogFindingSource implements FindingSource {

	private static final int SHOWN = 500;

	private final LogRecords records;

	LogFindingSource(LogRecords records) {
		this.records = records;
	}

	@Override
	public List<FindingSummary> findingsOf(Contract contract) {
		return this.records.findings(contract.getId(), SHOWN).stream().map((f) -> summary(contract, f)).toList();
	}

	static FindingSummary summary(Contract contract, LogFinding f) {
		return new FindingSummary("logevidence", f.getId(), LogFindings.reference(f),
				"logevidence.rule." + f.getRule().name(), "logevidence.severity." + f.getSeverity().name(),
				f.getSeverity().ordinal(), f.getClauseRef(), f.getStatus(), null,
				(f.getOccurredOn() != null) ? f.getOccurredOn() : ItakuTime.inTokyo(f.getFoundAt()).toLocalDate(),
				"/contracts/" + contract.getId() + "/logs#finding-" + f.getId());
	}

}
