package jp.itaku.logevidence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.finding.FindingEvents;
import jp.itaku.finding.FindingParties;
import jp.itaku.finding.FindingStep;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of a contract's log checks (Setagaya 17, 18, 24; Kadoma 14(8)): every
 * party reads them, the dashboards count those not closed, and each moves through the
 * workflow every finding shares ({@link FindingStep}): the client's officers and security
 * administrators acknowledge, return (with a comment) and close, the contractor's lead
 * explains ({@link FindingParties}). Each step is on the audit trail as
 * {@code LOG_FINDING_<step>} and told to the other side
 * ({@link FindingEvents.StepTaken}).
 */
@Service
public class LogFindings {

	/** The message key naming a log finding in "not found". */
	static final String WHAT = "logevidence.finding.entity";

	static final int SHOWN = 500;

	private final LogRecords records;

	private final Contracts contracts;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LogFindings(LogRecords records, Contracts contracts, AuditTrail audit, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events) {
		this.records = records;
		this.contracts = contracts;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Returns a contract's findings.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the findings, open ones first
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public List<LogFinding> findings(Actor actor, UUID contractId) {
		this.contracts.get(actor, contractId);
		return this.records.findings(contractId, SHOWN);
	}

	/**
	 * Returns the findings not yet closed on the contracts the actor is party to, per
	 * contract and rule, for the dashboard: one query.
	 * @param actor the acting user
	 * @return the counts, most severe and most recent first (at most 20)
	 */
	@Transactional(readOnly = true)
	public List<OpenFindings> openFindings(Actor actor) {
		String party = actor.is(Role.SYSTEM_ADMIN) ? "true"
				: "(c.client_organisation_id = :organisation or c.contractor_organisation_id = :organisation)";
		var query = this.jdbc.sql("select c.id, c.number, f.rule, count(*), max(f.occurred_on) from log_finding f"
				+ " join contract c on c.id = f.contract_id where f.status <> 'CLOSED' and " + party
				+ " group by c.id, c.number, f.rule order by min(case f.severity when 'HIGH' then 0 when 'MEDIUM' then 1"
				+ " else 2 end), max(f.occurred_on) desc nulls last limit 20");
		if (!actor.is(Role.SYSTEM_ADMIN)) {
			query = query.param("organisation", actor.organisationId());
		}
		return query
			.query((rs, n) -> new OpenFindings(rs.getObject(1, UUID.class), rs.getString(2),
					LogRule.valueOf(rs.getString(3)), rs.getLong(4), rs.getObject(5, LocalDate.class)))
			.list();
	}

	/**
	 * Moves a finding on through the workflow every finding shares. Audited as
	 * {@code LOG_FINDING_<step>}.
	 * @param actor the acting user
	 * @param findingId the finding
	 * @param step the step
	 * @param text the explanation (for {@code EXPLAIN}) or the comment (for
	 * {@code RETURN}); ignored otherwise
	 * @return the finding
	 * @throws NotFoundProblem when there is none the actor may see
	 * @throws InvalidInputProblem when the step does not fit the finding's state or the
	 * text is missing
	 * @throws AccessDeniedProblem when the actor may not take the step
	 */
	@Transactional
	public LogFinding move(Actor actor, UUID findingId, FindingStep step, @Nullable String text) {
		LogFinding finding = this.records.finding(findingId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = scoped(actor, finding.getContractId());
		FindingParties.require(actor, contract, step);
		Instant now = Instant.now(this.clock);
		switch (step) {
			case ACKNOWLEDGE -> finding.acknowledge(actor.userId(), now);
			case EXPLAIN -> finding.explain(text, actor.userId(), now);
			case RETURN -> finding.returnExplanation(text, actor.userId(), now);
			case CLOSE -> finding.close(actor.userId(), now);
		}
		this.records.updateFinding(finding);
		this.audit.record(AuditRecord.of("LOG_FINDING_" + step.name())
			.actor(actor)
			.target("LogFinding", findingId)
			.detail("contract", contract.getId())
			.detail("rule", finding.getRule().name())
			.detail("subject", finding.getSubject())
			.detail("status", finding.getStatus().name()));
		this.events.publishEvent(new FindingEvents.StepTaken(contract.getId(), "LogFinding", step,
				LogFindingSource.summary(contract, finding),
				(step == FindingStep.RETURN) ? finding.getReturnComment() : null));
		return finding;
	}

	/**
	 * The finding's contract; a finding of a contract the actor is no party to is not
	 * found.
	 */
	private Contract scoped(Actor actor, UUID contractId) {
		try {
			return this.contracts.get(actor, contractId);
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	/** A log finding's reference in a mail: its day and the ID or name concerned. */
	static String reference(LogFinding finding) {
		String day = (finding.getOccurredOn() != null) ? Dates.wareki(finding.getOccurredOn()) : "";
		String who = (finding.getUserRef() != null) ? finding.getUserRef() : "";
		return (day + " " + who).strip();
	}

	/**
	 * Findings not yet closed of one rule on one contract.
	 *
	 * @param contractId the contract
	 * @param contractNumber its number
	 * @param rule the rule
	 * @param count how many
	 * @param latest the day of the latest
	 */
	public record OpenFindings(UUID contractId, String contractNumber, LogRule rule, long count, LocalDate latest) {
	}

}
