package jp.itaku.logevidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Retention (Gunma 3ウ): a month is dropped whole, and never before the longest retention
 * of the contracts with lines in it has passed since the month ended.
 */
@IntegrationTest
class LogRetentionIT {

	private static final LogMapping MAPPING = new LogMapping("time", "user", "action", null, null, null, List.of());

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	LogEvidence logs;

	@Autowired
	LogRetention retention;

	@Autowired
	LogPartitions partitions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void aMonthIsDroppedOnlyAfterEveryContractsRetentionHasPassed() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Actor officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		LocalDate today = ItakuTime.today(this.clock);
		Contract shortKept = contract(officer, contractor, today, 3);
		Contract longKept = contract(officer, contractor, today, 36);
		YearMonth old = YearMonth.of(2004, 2);
		YearMonth shared = YearMonth.from(today).minusMonths(6);
		YearMonth recent = YearMonth.from(today).minusMonths(2);

		load(lead, shortKept, old, recent, shared);
		load(lead, longKept, shared);

		// The day before the old month's retention ends, nothing goes.
		assertThat(this.retention.purge(LocalDate.of(2004, 5, 31))).doesNotContain(old);
		assertThat(this.partitions.existing()).contains(old);
		// On the day it ends, the old month goes (whole), the others stay.
		assertThat(this.retention.purge(LocalDate.of(2004, 6, 1))).contains(old);
		List<YearMonth> droppedToday = this.retention.purge(today);
		assertThat(droppedToday).doesNotContain(shared, recent);
		assertThat(this.partitions.existing()).doesNotContain(old).contains(shared, recent);
		assertThat(lines(shortKept)).isEqualTo(2);
		assertThat(lines(longKept)).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'LOG_PARTITION_DROPPED' and target_id = ?")
			.param(LogPartitions.name(old))
			.query(Long.class)
			.single()).isEqualTo(1);

		// Nobody sets a retention below three months.
		assertThat(catchThrowable(() -> this.logs.saveSettings(officer, shortKept.getId(),
				new LogSettings(2, "", null, null, 500, 5, 10, 300, false))))
			.isInstanceOf(InvalidInputProblem.class);
	}

	private Contract contract(Actor officer, Organisation contractor, LocalDate today, int retentionMonths) {
		Contract contract = this.contracts.register(officer, this.fixtures.contractForm(contractor, "gunma",
				today.minusMonths(8), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		this.logs.saveSettings(officer, contract.getId(),
				new LogSettings(retentionMonths, "", null, null, 500, 5, 10, 300, false));
		return contract;
	}

	private void load(Actor lead, Contract contract, YearMonth... months) {
		LogSource source = this.logs.addSource(lead, contract.getId(), "src-" + UUID.randomUUID(), LogFormat.JSONL,
				MAPPING, null);
		StringBuilder lines = new StringBuilder();
		for (YearMonth month : months) {
			lines.append("{\"time\":\"")
				.append(month.atDay(15))
				.append("T10:00:00+09:00\",\"user\":\"u\",\"action\":\"view\"}\n");
		}
		this.logs.ingest(lead, contract.getId(), source.id(), "x.jsonl",
				new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), false);
	}

	private long lines(Contract contract) {
		return this.jdbc.sql("select count(*) from log_line where contract_id = ?")
			.param(contract.getId())
			.query(Long.class)
			.single();
	}

}
