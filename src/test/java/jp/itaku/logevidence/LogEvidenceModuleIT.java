package jp.itaku.logevidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.clientid.ClientIdEvents;
import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.IdKind;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.Publications;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log evidence module on its own (with the modules it depends on): an ID the client
 * records ({@link ClientIdEvents.IdsChanged}, published by {@link ClientIds}) re-runs the
 * contract's log checks after commit, which withdraws the finding of a user ID nobody was
 * issued; the change's publication is completed only once that re-run has finished.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class LogEvidenceModuleIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	ClientIds ids;

	@Autowired
	LogEvidence logs;

	@Autowired
	LogFindings findings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anIssuedIdReRunsTheChecksAndWithdrawsTheUnknownIdsFinding(Scenario scenario) {
		LocalDate today = ItakuTime.today(this.clock);
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Actor officer = this.fixtures.actor(officerUser);
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		Contract contract = this.contracts.register(officer, this.fixtures.contractForm(contractor, "kadoma",
				today.minusMonths(3), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		RosterMemberForm form = new RosterMemberForm();
		form.setName("門真 一郎");
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(today.minusMonths(2));
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		this.rosters.activate(lead, member.getId(), "試験");
		LogSource source = this.logs.addSource(lead, contract.getId(), "窓口端末", LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of()), null);
		this.logs.saveSettings(officer, contract.getId(),
				new LogSettings(3, "export_all", LocalTime.of(7, 0), LocalTime.of(21, 0), 50, 5, 10, 300, false));
		String operator = "OP-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate day = today.minusDays(2);
		// The ID checks run once the contract has IDs: the worker has one already.
		this.ids.issue(officer, contract.getId(), id(member, operator + "-A", day.minusDays(5)));
		String csv = "time,user,action,target,result,ip\n" + day + "T10:00:00+09:00," + operator
				+ ",view,住民=1,success,10.0.0.8\n";
		this.logs.ingest(lead, contract.getId(), source.id(), "access.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
		assertThat(unknownIds(officer, contract)).isEqualTo(1);

		// The second ID's change (the first one's was handled before the lines came).
		scenario.stimulate(() -> this.ids.issue(officer, contract.getId(), id(member, operator, day.minusDays(5))))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> Publications.completed(this.jdbc, ClientIdEvents.IdsChanged.class,
					PeopleChanges.class, contract.getId().toString()), (completed) -> completed == 2)
			.andVerify((completed) -> assertThat(unknownIds(officer, contract)).isZero());
	}

	private static IssueIdForm id(RosterMember member, String value, LocalDate issuedOn) {
		IssueIdForm id = new IssueIdForm();
		id.setMemberId(member.getId());
		id.setKind(IdKind.VERIFICATION);
		id.setValue(value);
		id.setSystemName("窓口端末");
		id.setIssuedOn(issuedOn);
		return id;
	}

	private long unknownIds(Actor officer, Contract contract) {
		return this.findings.findings(officer, contract.getId())
			.stream()
			.filter((f) -> f.getRule() == LogRule.ID_UNKNOWN)
			.count();
	}

}
