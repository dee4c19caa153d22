package jp.itaku.logevidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.SpreadsheetCells;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's stored log lines of a period, counted and exported as CSV (Gunma 9: the
 * client asks for the logs of a period). Every user of the client (Gunma 9) and the
 * contractor's lead export; each export is on the audit trail.
 */
@Service
public class LogExport {

	private final Contracts contracts;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	LogExport(Contracts contracts, AuditTrail audit, JdbcClient jdbc) {
		this.contracts = contracts;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * Returns whether the actor may export lines: any user of the client
	 * ({@link ContractRoles#ofClient}, Gunma 9) or the contractor's lead
	 * ({@link ContractRoles#leadsForContractor}).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	static boolean mayExport(Actor actor, Contract contract) {
		return ContractRoles.ofClient(actor, contract) || ContractRoles.leadsForContractor(actor, contract);
	}

	/**
	 * Counts a contract's stored lines of a period.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param from the first day (Tokyo)
	 * @param to the last day
	 * @return the number of lines
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public long countLines(Actor actor, UUID contractId, LocalDate from, LocalDate to) {
		this.contracts.get(actor, contractId);
		return this.jdbc
			.sql("select count(*) from log_line where contract_id = ? and occurred_at >= ? and occurred_at < ?")
			.params(contractId, start(from), start(to.plusDays(1)))
			.query(Long.class)
			.single();
	}

	/**
	 * Writes a contract's lines of a period as CSV, oldest first; audited.
	 * @param actor the client's user or the contractor's lead
	 * @param contractId the contract
	 * @param from the first day (Tokyo)
	 * @param to the last day
	 * @param out where the CSV goes
	 * @return the number of lines written
	 * @throws InvalidInputProblem when the period is missing or reversed
	 * @throws AccessDeniedProblem unless {@link #mayExport}
	 */
	@Transactional
	public long export(Actor actor, UUID contractId, LocalDate from, LocalDate to, Writer out) {
		Contract contract = this.contracts.get(actor, contractId);
		ContractRoles.require(mayExport(actor, contract));
		if (from == null) {
			throw new InvalidInputProblem("from", "logevidence.error.period");
		}
		if (to == null || to.isBefore(from)) {
			throw new InvalidInputProblem("to", "logevidence.error.period");
		}
		long[] count = { 0 };
		try {
			out.write("occurred_at,user,action,target,result,client_address,batch_sha256,line\r\n");
			this.jdbc
				.sql("select l.occurred_at, l.user_ref, l.action, l.target, l.result, l.client_address, b.sha256,"
						+ " l.line_no from log_line l join log_batch b on b.id = l.batch_id where l.contract_id = ?"
						+ " and l.occurred_at >= ? and l.occurred_at < ? order by l.occurred_at, b.sha256, l.line_no")
				.params(contractId, start(from), start(to.plusDays(1)))
				.query((rs) -> {
					try {
						out.write(ItakuTime.inTokyo(rs.getTimestamp(1).toInstant()).toOffsetDateTime().toString());
						for (int i = 2; i <= 8; i++) {
							out.write(',');
							out.write(SpreadsheetCells.csvField(rs.getString(i)));
						}
						out.write("\r\n");
						count[0]++;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.audit.record(AuditRecord.of("LOG_EXPORTED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("from", from)
			.detail("to", to)
			.detail("lines", count[0]));
		return count[0];
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ItakuTime.ZONE).toInstant());
	}

}
