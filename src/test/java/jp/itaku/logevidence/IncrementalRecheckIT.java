package jp.itaku.logevidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.clientid.IdKind;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ScheduleLine;
import jp.itaku.worksite.WorkSchedule;
import jp.itaku.worksite.WorkSchedules;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental re-checks equal full re-checks (issue 21): on generated lines, rounds of
 * random changes of roster, IDs and schedules (each kind at least once), each followed
 * either by the re-check the change event runs or by a new batch (whose checks find the
 * change first); after each, the findings are those a full re-check of every stored line
 * gives, with the people facts read afresh (not from the cached copy).
 */
@IntegrationTest
class IncrementalRecheckIT {

	private static final LogMapping MAPPING = new LogMapping("time", "user", "action", "target", "result", "ip",
			List.of());

	private static final String[] SHIFTS = { "日勤", "早番", "遅番", "休" };

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	ClientIds ids;

	@Autowired
	WorkSchedules schedules;

	@Autowired
	EntryLog entryLog;

	@Autowired
	LogEvidence logs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void findingsAfterAnIncrementalRecheckEqualThoseOfAFullOne() {
		Random random = new Random(21);
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Actor officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		LocalDate today = ItakuTime.today(this.clock);
		YearMonth month = YearMonth.from(today).minusMonths(1);
		ContractForm form = this.fixtures.contractForm(contractor, "kadoma", today.minusMonths(3),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.WORKS_AT_CLIENT_SITE));
		Contract contract = this.contracts.register(officer, form);
		this.logs.saveSettings(officer, contract.getId(),
				new LogSettings(3, "export_all", LocalTime.of(7, 0), LocalTime.of(21, 0), 50, 5, 10, 300, true));
		LogSource source = this.logs.addSource(lead, contract.getId(), "住基端末", LogFormat.CSV, MAPPING, null);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		List<RosterMember> members = new ArrayList<>();
		List<String> users = new ArrayList<>();
		List<ClientIssuedId> issued = new ArrayList<>();
		Set<UUID> revoked = new HashSet<>();
		Map<UUID, LocalDate> left = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			RosterMember member = worker(lead, contract, "作業者" + i, today.minusMonths(3), i != 4);
			members.add(member);
			if (i < 4) {
				users.add("OP-" + i + "-" + tag);
				issued.add(issue(officer, contract, member, users.get(i), month.atDay(1 + i)));
			}
			this.entryLog.record(lead, contract.getId(), entry(member.getName(), month.atDay(2 + i)),
					EntryLogEntry.Source.FORM);
		}
		users.add("OP-X-" + tag);
		users.add("OP-Y-" + tag);
		upload(lead, contract, source, lines(random, users, month, 1, 6));

		// Every kind of change at least once, then three more at random, in random order.
		List<Integer> changes = new ArrayList<>(List.of(0, 1, 2, 3, 4));
		for (int more = 0; more < 3; more++) {
			changes.add(random.nextInt(5));
		}
		Collections.shuffle(changes, random);
		for (int round = 0; round < changes.size(); round++) {
			int change = changes.get(round);
			switch (change) {
				case 0 -> {
					// An unknown user turns out to be someone's (or a second ID is
					// issued).
					String value = users.get(4 + random.nextInt(2));
					RosterMember member = members.get(random.nextInt(4));
					if (active(lead, member) && issued.stream().noneMatch((id) -> id.getValue().equals(value))) {
						issued.add(issue(officer, contract, member, value, month.atDay(1 + random.nextInt(8))));
					}
				}
				case 1 -> {
					ClientIssuedId id = issued.get(random.nextInt(issued.size()));
					LocalDate on = month.atDay(2 + random.nextInt(8));
					if (revoked.add(id.getId())) {
						this.ids.revoke(officer, id.getId(), on.isBefore(id.getIssuedOn()) ? id.getIssuedOn() : on,
								"異動");
					}
				}
				case 2 -> {
					RosterMember member = members.get(random.nextInt(4));
					if (active(lead, member)) {
						LocalDate lastDay = month.atDay(2 + random.nextInt(8));
						this.rosters.leave(lead, member.getId(), lastDay);
						left.put(member.getId(), lastDay);
					}
				}
				case 3 -> {
					List<ScheduleLine> cells = new ArrayList<>();
					for (RosterMember member : members.subList(0, 4)) {
						for (int day = 1; day <= 10; day++) {
							LocalDate lastDay = left.get(member.getId());
							if (random.nextInt(3) > 0) {
								// Nobody off the roster may work (ScheduleCheck).
								boolean gone = lastDay != null && month.atDay(day).isAfter(lastDay);
								cells.add(ScheduleLine.grid(member.getId(), month.atDay(day),
										gone ? "休" : SHIFTS[random.nextInt(SHIFTS.length)]));
							}
						}
					}
					this.schedules.save(lead, contract.getId(), month, cells, WorkSchedule.Source.GRID);
				}
				default -> {
					// An activation publishes no event: the roster's stamp tells.
					RosterMember planned = members.get(4);
					if (this.rosters.member(lead, planned.getId()).getStatus() == MemberStatus.PLANNED) {
						this.rosters.activate(lead, planned.getId(), "試験のため");
					}
					if (issued.stream().noneMatch((id) -> id.getValue().equals(users.get(5)))) {
						issued.add(issue(officer, contract, planned, users.get(5), month.atDay(1)));
					}
				}
			}
			if (random.nextBoolean()) {
				this.logs.recheckChangedUnscoped(contract.getId());
			}
			else {
				// A batch of one day (alone in it or not): its checks find the change and
				// re-check it first.
				int day = 1 + random.nextInt(10);
				upload(lead, contract, source, lines(random, users, month, day, day));
			}
			Set<String> incremental = findings(contract);
			// The full re-check reads the people facts afresh from their modules, so that
			// a
			// cached copy the change left stale shows as a difference too.
			this.jdbc.sql("delete from log_fact_loaded where contract_id = ?").param(contract.getId()).update();
			this.logs.recheckUnscoped(contract.getId());
			assertThat(findings(contract)).as("round %d, change %d", round, change).isEqualTo(incremental);
		}
		Set<String> rules = new HashSet<>();
		findings(contract).forEach((f) -> rules.add(f.substring(0, f.indexOf(' '))));
		assertThat(rules).contains("ID_UNKNOWN", "HOLDER_INACTIVE", "OUTSIDE_HOURS");
	}

	private boolean active(Actor lead, RosterMember member) {
		return this.rosters.member(lead, member.getId()).getStatus() == MemberStatus.ACTIVE;
	}

	private Set<String> findings(Contract contract) {
		return new HashSet<>(this.jdbc
			.sql("select rule || ' ' || subject || ' ' || line_count || ' ' || status || ' ' || evidence::text"
					+ " from log_finding where contract_id = ? and status = 'OPEN'")
			.param(contract.getId())
			.query(String.class)
			.list());
	}

	private static String lines(Random random, List<String> users, YearMonth month, int firstDay, int lastDay) {
		StringBuilder csv = new StringBuilder("time,user,action,target,result,ip\n");
		for (int day = firstDay; day <= lastDay; day++) {
			for (int minute = 6 * 60; minute < 23 * 60; minute += 7) {
				if (random.nextInt(4) == 0) {
					String user = users.get(random.nextInt(users.size()));
					csv.append(month.atDay(day))
						.append('T')
						.append(String.format("%02d:%02d:00", minute / 60, minute % 60))
						.append("+09:00,")
						.append(user)
						.append(",view,個人番号=")
						.append(random.nextInt(1000))
						.append(",success,10.0.0.8\n");
				}
			}
		}
		return csv.toString();
	}

	private void upload(Actor lead, Contract contract, LogSource source, String csv) {
		this.logs.ingest(lead, contract.getId(), source.id(), "access.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
	}

	private RosterMember worker(Actor lead, Contract contract, String name, LocalDate start, boolean activate) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(start);
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		return activate ? this.rosters.activate(lead, member.getId(), "試験のため") : member;
	}

	private ClientIssuedId issue(Actor officer, Contract contract, RosterMember member, String value, LocalDate on) {
		IssueIdForm form = new IssueIdForm();
		form.setMemberId(member.getId());
		form.setKind(IdKind.VERIFICATION);
		form.setValue(value);
		form.setSystemName("住民記録システム");
		form.setIssuedOn(on);
		return this.ids.issue(officer, contract.getId(), form);
	}

	private static EntryForm entry(String name, LocalDate day) {
		EntryForm form = new EntryForm();
		form.setName(name);
		form.setAffiliation("窓口運営課");
		form.setPurpose("窓口業務");
		form.setArea("本館1階");
		form.setEnteredAt(day.atTime(8, 50));
		form.setLeftAt(day.atTime(18, 0));
		return form;
	}

}
