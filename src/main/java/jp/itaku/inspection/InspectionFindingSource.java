package jp.itaku.inspection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractScope;
import jp.itaku.finding.FindingSource;
import jp.itaku.finding.FindingSummary;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inspections' findings in the contract's one list of findings, each linking its
 * inspection's page.
 */
@Component
class InspectionFindingSource implements FindingSource {

	private final InspectionRepository inspections;

	private final FindingRepository findings;

	private final JdbcClient jdbc;

	InspectionFindingSource(InspectionRepository inspections, FindingRepository findings, JdbcClient jdbc) {
		this.inspections = inspections;
		this.findings = findings;
		this.jdbc = jdbc;
	}

	// the findings are filtered by byId.containsKey just above
	@SuppressWarnings("NullAway")
	@Override
	public List<FindingSummary> findingsOf(Contract contract) {
		Map<UUID, Inspection> byId = this.inspections.findByContractIdOrderBySeqDesc(contract.getId())
			.stream()
			.collect(Collectors.toMap(Inspection::getId, Function.identity()));
		return this.findings.findByContractId(contract.getId())
			.stream()
			.filter((f) -> byId.containsKey(f.getInspectionId()))
			.map((f) -> summary(byId.get(f.getInspectionId()), f))
			.toList();
	}

	@Override
	public Set<UUID> contractsWithFindings(ContractScope scope) {
		return Set.copyOf(this.jdbc
			.sql("select distinct x.contract_id from inspection_finding x join contract c on c.id = x.contract_id"
					+ " where " + scope.condition())
			.params(scope.parameters())
			.query(UUID.class)
			.list());
	}

	static FindingSummary summary(Inspection inspection, Finding f) {
		String key = f.keyIn(inspection);
		return new FindingSummary("inspection", f.getId(), key, "inspection.kind." + inspection.getKind().name(),
				"inspection.severity." + f.getSeverity().name(),
				Severity.CRITICAL.ordinal() - f.getSeverity().ordinal(), f.getClauseRef(), f.getStatus(), f.getDueOn(),
				ItakuTime.inTokyo(f.getRecordedAt()).toLocalDate(),
				"/inspections/" + inspection.getId() + "#finding-" + key, inspection.getInspectedOrganisationId());
	}

}
