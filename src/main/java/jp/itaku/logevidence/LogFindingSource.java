package jp.itaku.logevidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractScope;
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

	@Override
	public Set<UUID> contractsWithFindings(ContractScope scope) {
		return this.records.contractsWithFindings(scope);
	}

	private static Instant foundAt(LogFinding f) {
		// found_at is not null in log_finding
		return Objects.requireNonNull(f.getFoundAt());
	}

	static FindingSummary summary(Contract contract, LogFinding f) {
		return new FindingSummary("logevidence", f.getId(), LogFindings.reference(f),
				"logevidence.rule." + f.getRule().name(), "logevidence.severity." + f.getSeverity().name(),
				f.getSeverity().ordinal(), f.getClauseRef(), f.getStatus(), null,
				(f.getOccurredOn() != null) ? f.getOccurredOn() : ItakuTime.inTokyo(foundAt(f)).toLocalDate(),
				"/contracts/" + contract.getId() + "/logs#finding-" + f.getId());
	}

}
