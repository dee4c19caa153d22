package jp.itaku.servicelevel;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.ServiceLevelMetric;
import jp.itaku.contract.ServiceLevelTarget;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service levels of a contract measured period by period (Setagaya 37, Kadoma 3,
 * Gunma 6): the contractor's lead records each target's actual value for an ended period,
 * the module decides whether it met the target, and every party reads the table; breaches
 * are listed on the dashboards. A corrected value replaces the period's value, the audit
 * trail keeps both.
 */
@Service
public class ServiceLevels {

	private static final int PERIODS_SHOWN = 6;

	private static final int NOTE_MAX = 400;

	private static final Pattern JAPANESE_DURATION = Pattern.compile("(\\d+)\\s*(分|時間|日)");

	private final ServiceLevelMeasurementRepository measurements;

	private final Contracts contracts;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	ServiceLevels(ServiceLevelMeasurementRepository measurements, Contracts contracts, WorkingCalendar calendar,
			AuditTrail audit, Clock clock, JdbcClient jdbc) {
		this.measurements = measurements;
		this.contracts = contracts;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Returns the contract's targets with their recent periods and measurements.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the overview
	 */
	@Transactional(readOnly = true)
	public Overview overview(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Map<String, ServiceLevelMeasurement> byKey = new LinkedHashMap<>();
		for (ServiceLevelMeasurement m : this.measurements.findByContractIdOrderByPeriodKeyDesc(contractId)) {
			byKey.put(m.getTargetName() + "@" + m.getPeriodKey(), m);
		}
		LocalDate today = this.calendar.today();
		List<Row> rows = contract.getServiceLevelTargets().stream().map((target) -> {
			List<Cell> cells = periods(contract, target, today).stream()
				.map((p) -> new Cell(p, byKey.get(target.getName() + "@" + p.key())))
				.toList();
			return new Row(target, cells);
		}).toList();
		long breaches = byKey.values().stream().filter((m) -> !m.isMet()).count();
		return new Overview(contract, rows, breaches, mayRecord(actor, contract));
	}

	/**
	 * Records a target's actual value for an ended period, replacing an earlier one.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form the target, period, value and remark
	 * @return the measurement
	 * @throws InvalidInputProblem naming the field at fault
	 */
	@Transactional
	public ServiceLevelMeasurement record(Actor actor, UUID contractId, MeasurementForm form) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayRecord(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		ServiceLevelTarget target = contract.getServiceLevelTargets()
			.stream()
			.filter((t) -> t.getName().equals(form.getTarget()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputProblem("target", "servicelevel.error.target"));
		LocalDate today = this.calendar.today();
		if (periods(contract, target, today).stream().noneMatch((p) -> p.key().equals(form.getPeriod()))) {
			throw new InvalidInputProblem("period", "servicelevel.error.period");
		}
		Object value = parse(target.getMetric(), form.getValue());
		String note = (form.getNote() != null && !form.getNote().isBlank()) ? form.getNote().strip() : null;
		if (note != null && note.length() > NOTE_MAX) {
			throw new InvalidInputProblem("note", "servicelevel.error.note", String.valueOf(NOTE_MAX));
		}
		ServiceLevelMeasurement measurement = this.measurements
			.findByContractIdAndTargetNameAndPeriodKey(contractId, target.getName(), form.getPeriod())
			.orElseGet(() -> new ServiceLevelMeasurement(contractId, target.getName(), form.getPeriod()));
		String before = (measurement.getRecordedAt() != null) ? measurement.getValue() : "";
		measurement.record(target, value, note, actor.userId(), Instant.now(this.clock));
		this.measurements.save(measurement);
		this.audit.record(AuditRecord.of("SERVICE_LEVEL_RECORDED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("target", target.getName())
			.detail("period", form.getPeriod())
			.detail("before", before)
			.detail("value", measurement.getValue())
			.detail("met", measurement.isMet()));
		return measurement;
	}

	/**
	 * Returns the breaches recorded in the last three months on the contracts the actor
	 * is party to, for the dashboard: one indexed query.
	 * @param actor the acting user
	 * @return the breaches, latest first
	 */
	@Transactional(readOnly = true)
	public List<Breach> recentBreaches(Actor actor) {
		Instant since = Instant.now(this.clock).minus(Duration.ofDays(92));
		String party = actor.is(Role.SYSTEM_ADMIN) ? "true"
				: "(c.client_organisation_id = :organisation or c.contractor_organisation_id = :organisation)";
		var query = this.jdbc
			.sql("select c.id, c.number, m.target_name, m.period_key, coalesce(m.measured_number::text,"
					+ " m.measured_duration) from service_level_measurement m join contract c on c.id = m.contract_id"
					+ " where not m.met and m.recorded_at >= :since and " + party
					+ " order by m.recorded_at desc limit 50")
			.param("since", Timestamp.from(since));
		if (!actor.is(Role.SYSTEM_ADMIN)) {
			query = query.param("organisation", actor.organisationId());
		}
		return query
			.query((rs, n) -> new Breach(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					stripZeros(rs.getString(5))))
			.list();
	}

	/**
	 * Returns whether the actor may record: the contractor's lead, while the contract is
	 * active or ended.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may record
	 */
	public boolean mayRecord(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractor(actor, contract)
				&& (contract.getStatus() == ContractStatus.ACTIVE || contract.getStatus() == ContractStatus.ENDED);
	}

	private static List<ServiceLevelPeriod> periods(Contract contract, ServiceLevelTarget target, LocalDate today) {
		LocalDate until = today.isAfter(contract.getPeriodEnd()) ? contract.getPeriodEnd().plusDays(1) : today;
		YearMonth first = YearMonth.from(contract.getPeriodStart());
		return ServiceLevelPeriod.ended(target.getMeasurementPeriod(), until, PERIODS_SHOWN)
			.stream()
			.filter((p) -> !YearMonth.from(p.last()).isBefore(first))
			.toList();
	}

	static Object parse(ServiceLevelMetric metric, String text) {
		String value = (text != null) ? Normalizer.normalize(text, Normalizer.Form.NFKC).strip() : "";
		if (value.isEmpty()) {
			throw new InvalidInputProblem("value", "servicelevel.error.value.required");
		}
		if (metric == ServiceLevelMetric.DURATION_MAX) {
			Matcher japanese = JAPANESE_DURATION.matcher(value);
			if (japanese.matches()) {
				long amount = Long.parseLong(japanese.group(1));
				return switch (japanese.group(2)) {
					case "分" -> Duration.ofMinutes(amount);
					case "時間" -> Duration.ofHours(amount);
					default -> Duration.ofDays(amount);
				};
			}
			try {
				Duration duration = Duration.parse(value);
				if (duration.isNegative()) {
					throw new InvalidInputProblem("value", "servicelevel.error.value.duration", value);
				}
				return duration;
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputProblem("value", "servicelevel.error.value.duration", value);
			}
		}
		BigDecimal number;
		try {
			number = new BigDecimal(value.replace("%", "").replace("件", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputProblem("value", "servicelevel.error.value.number", value);
		}
		boolean percent = metric == ServiceLevelMetric.PERCENT_MIN;
		if (number.signum() < 0 || (percent && number.compareTo(BigDecimal.valueOf(100)) > 0)
				|| (!percent && number.stripTrailingZeros().scale() > 0) || number.precision() > 12) {
			throw new InvalidInputProblem("value",
					percent ? "servicelevel.error.value.percent" : "servicelevel.error.value.count", value);
		}
		return number;
	}

	private static String stripZeros(String value) {
		try {
			return new BigDecimal(value).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	/**
	 * A contract's service levels.
	 *
	 * @param contract the contract
	 * @param rows one per target
	 * @param breaches how many recorded periods missed their target
	 * @param mayRecord whether the actor may record
	 */
	public record Overview(Contract contract, List<Row> rows, long breaches, boolean mayRecord) {
	}

	/**
	 * A target and its recent periods.
	 *
	 * @param target the target
	 * @param cells its periods, the latest first
	 */
	public record Row(ServiceLevelTarget target, List<Cell> cells) {
	}

	/**
	 * A period of a target.
	 *
	 * @param period the period
	 * @param measurement what was recorded, or {@code null}
	 */
	public record Cell(ServiceLevelPeriod period, @Nullable ServiceLevelMeasurement measurement) {
	}

	/**
	 * A target missed.
	 *
	 * @param contractId the contract
	 * @param contractNumber its number
	 * @param target the target's name
	 * @param period the period
	 * @param value the actual value
	 */
	public record Breach(UUID contractId, String contractNumber, String target, String period, String value) {
	}

}
