package jp.itaku.logevidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which ID a user name was on each day, resolved once per value and span of days
 * ({@link LogChecks#HOLDERS}), equals the choice made day by day as the rule states it:
 * of the IDs of that value issued by that day, the one still valid that day and issued
 * last, then the lowest member id; the member is none when that ID was revoked by then,
 * and a day before any issue has no ID at all. On random ID histories of a few values
 * (IDs issued again after a revocation, several valid at once, revoked before their
 * issue, without a day of issue or without a member), over every day from before the
 * first issue to after the last revocation; each history is written and rolled back in
 * one transaction. The seed is in the failure message.
 */
@IntegrationTest
class IdHoldersIT {

	private static final LocalDate START = LocalDate.of(2026, 4, 1);

	private static final int WINDOW = 40;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theSpansGiveEveryDayTheIdTheDayByDayRuleGivesIt() {
		long base = new Random().nextLong();
		for (int round = 0; round < 60; round++) {
			long seed = base + round;
			this.transactions.executeWithoutResult((status) -> {
				UUID contract = UUID.randomUUID();
				history(new Random(seed), contract);
				List<String> dayByDay = resolve(contract, """
						left join (
						  select distinct on (x.value, x.day) x.value, x.day,
						    case when i.revoked_on is null or x.day <= i.revoked_on then i.member_id end as member_id
						  from days x join log_fact_id i
						  on i.contract_id = :c and i.value = x.value and i.issued_on <= x.day
						  order by x.value, x.day, (i.revoked_on is null or x.day <= i.revoked_on) desc,
						    i.issued_on desc, i.member_id) h on h.value = x.value and h.day = x.day""");
				List<String> bySpan = resolve(contract, "left join (" + LogChecks.HOLDERS
						+ ") h on h.value = x.value and x.day >= h.from_day and (h.to_day is null or x.day < h.to_day)");
				assertThat(bySpan).as("seed %d", seed).hasSize(dayByDay.size()).isEqualTo(dayByDay);
				assertThat(dayByDay).as("seed %d: some days have an ID", seed)
					.anyMatch((row) -> row.contains("|true|"));
				status.setRollbackOnly();
			});
		}
	}

	/**
	 * Up to five IDs for each of three values, among four members (or none), issued in
	 * the window (or on no day), half of them revoked, some before their issue.
	 */
	private void history(Random random, UUID contract) {
		List<UUID> members = new ArrayList<>();
		for (int m = 0; m < 4; m++) {
			members.add(UUID.randomUUID());
		}
		for (String value : List.of("user-a", "user-b", "ユーザーc")) {
			int count = 1 + random.nextInt(5);
			for (int n = 0; n < count; n++) {
				LocalDate issued = (random.nextInt(10) == 0) ? null : START.plusDays(random.nextInt(WINDOW));
				LocalDate revoked = null;
				if (random.nextBoolean()) {
					revoked = (issued == null || random.nextInt(8) == 0) ? START.plusDays(random.nextInt(WINDOW))
							: issued.plusDays(random.nextInt(WINDOW / 2));
				}
				this.jdbc
					.sql("insert into log_fact_id (contract_id, value, member_id, issued_on, revoked_on)"
							+ " values (:c, :v, :m, :i, :r)")
					.param("c", contract)
					.param("v", value)
					.param("m", (random.nextInt(6) == 0) ? null : members.get(random.nextInt(members.size())))
					.param("i", issued)
					.param("r", revoked)
					.update();
			}
		}
	}

	/** Each value's days as {@code value|day|issued|member}, in order. */
	private List<String> resolve(UUID contract, String join) {
		return this.jdbc.sql("with days as (select v.value, d::date as day from (select distinct value from log_fact_id"
				+ " where contract_id = :c) v cross join generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 day') d)"
				+ " select x.value || '|' || x.day || '|' || (h.value is not null) || '|'"
				+ " || coalesce(h.member_id::text, '-') from days x " + join + " order by x.value, x.day")
			.param("c", contract)
			.param("from", START.minusDays(3))
			.param("to", START.plusDays(2 * WINDOW))
			.query(String.class)
			.list();
	}

}
