package jp.itaku.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster module on its own (with the modules it depends on): a departure publishes
 * {@link RosterEvents.WorkerLeft}, and the roster's own reaction ({@link WorkerDuties})
 * has raised the obligations of the departure in the same transaction, so they are there
 * when the service returns; a worker who joins before the first roster notice raises
 * nothing, since the first notice will name them.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class RosterModuleIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Clock clock;

	@Test
	void aDepartureIsPublishedWithItsObligationsAlreadyRaised(Scenario scenario) {
		LocalDate today = ItakuTime.today(this.clock);
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Actor lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		Contract contract = this.contracts.register(this.fixtures.actor(officer),
				this.fixtures.contractForm(contractor, "kadoma", today.minusMonths(2), Set.of()));
		RosterMemberForm form = new RosterMemberForm();
		form.setName("加藤 五郎");
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(today.minusMonths(1));

		AtomicReference<RosterMember> joined = new AtomicReference<>();
		scenario.stimulate(() -> this.rosters.add(lead, contract.getId(), form))
			.andWaitForEventOfType(RosterEvents.WorkerJoined.class)
			.matching((event) -> event.contractId().equals(contract.getId()))
			.toArriveAndVerify((event, added) -> {
				assertThat(event.memberId()).isEqualTo(added.getId());
				assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.PLEDGE,
						"JOIN-" + added.getId()))
					.as("no roster notice yet: the first notice names the worker")
					.isEmpty();
				joined.set(added);
			});
		RosterMember member = joined.get();
		this.rosters.activate(lead, member.getId(), "試験");

		scenario.stimulate(() -> this.rosters.leave(lead, member.getId(), today))
			.andWaitForEventOfType(RosterEvents.WorkerLeft.class)
			.matching((event) -> event.memberId().equals(member.getId()))
			.toArriveAndVerify((event) -> {
				assertThat(event.lastDay()).isEqualTo(today);
				assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.ID_REVOCATION_NOTICE,
						"LEFT-" + member.getId()))
					.singleElement()
					.satisfies((o) -> {
						assertThat(o.getSubject()).isEqualTo("加藤 五郎");
						assertThat(o.getOccurredOn()).isEqualTo(today);
						assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN);
					});
			});
	}

}
