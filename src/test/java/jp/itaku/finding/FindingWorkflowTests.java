package jp.itaku.finding;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import org.junit.jupiter.api.Test;

import static jp.itaku.finding.FindingStatus.ACKNOWLEDGED;
import static jp.itaku.finding.FindingStatus.CLOSED;
import static jp.itaku.finding.FindingStatus.EXPLAINED;
import static jp.itaku.finding.FindingStatus.OPEN;
import static jp.itaku.finding.FindingStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one workflow of every finding: the whole transition table (every status against
 * every step) and who may take each step.
 */
class FindingWorkflowTests {

	/** The table: status → step → next status; a missing cell is refused. */
	private static final Map<FindingStatus, Map<FindingStep, FindingStatus>> TABLE = new EnumMap<>(FindingStatus.class);

	static {
		for (FindingStatus s : FindingStatus.values()) {
			TABLE.put(s, new EnumMap<>(FindingStep.class));
		}
		TABLE.get(OPEN).put(FindingStep.ACKNOWLEDGE, ACKNOWLEDGED);
		TABLE.get(OPEN).put(FindingStep.EXPLAIN, EXPLAINED);
		TABLE.get(ACKNOWLEDGED).put(FindingStep.EXPLAIN, EXPLAINED);
		TABLE.get(RETURNED).put(FindingStep.EXPLAIN, EXPLAINED);
		TABLE.get(EXPLAINED).put(FindingStep.RETURN, RETURNED);
		TABLE.get(EXPLAINED).put(FindingStep.CLOSE, CLOSED);
	}

	private final UUID client = UUID.randomUUID();

	private final UUID contractor = UUID.randomUUID();

	@Test
	void everyStatusAllowsExactlyTheStepsOfTheTableAndMovesWhereItSays() {
		int allowed = 0;
		for (FindingStatus status : FindingStatus.values()) {
			for (FindingStep step : FindingStep.values()) {
				FindingStatus expected = TABLE.get(status).get(step);
				if (expected != null) {
					allowed++;
					assertThat(status.allows(step)).as("%s %s", status, step).isTrue();
					assertThat(status.after(step)).as("%s %s", status, step).isEqualTo(expected);
				}
				else {
					assertThat(status.allows(step)).as("%s %s", status, step).isFalse();
					assertThatThrownBy(() -> status.after(step)).as("%s %s", status, step)
						.isInstanceOf(InvalidInputProblem.class)
						.satisfies((e) -> {
							var problem = ((InvalidInputProblem) e).getFieldProblems().get(0);
							assertThat(problem.field()).isEqualTo("status");
						});
				}
			}
		}
		assertThat(allowed).isEqualTo(6);
	}

	@Test
	void aClosedFindingTakesNoStepAndOnlyAcknowledgedOrReturnedAwaitTheContractor() {
		for (FindingStep step : FindingStep.values()) {
			assertThat(CLOSED.allows(step)).isFalse();
		}
		assertThat(CLOSED.isClosed()).isTrue();
		assertThat(FindingStatus.values()).filteredOn(FindingStatus::awaitsContractor)
			.containsExactly(ACKNOWLEDGED, RETURNED);
	}

	@Test
	void theClientsOfficersAndSecurityAdministratorsTakeTheClientsStepsAndTheContractorsLeadsExplain() {
		Actor officer = actor(this.client, OrganisationKind.CLIENT, Role.CLIENT_OFFICER);
		Actor secadmin = actor(this.client, OrganisationKind.CLIENT, Role.CLIENT_SECURITY_ADMIN);
		Actor lead = actor(this.contractor, OrganisationKind.CONTRACTOR, Role.CONTRACTOR_LEAD);
		for (FindingStep step : FindingStep.values()) {
			boolean clientStep = step.side() == FindingStep.Side.CLIENT;
			assertThat(may(officer, step)).as("officer %s", step).isEqualTo(clientStep);
			assertThat(may(secadmin, step)).as("secadmin %s", step).isEqualTo(clientStep);
			assertThat(may(lead, step)).as("lead %s", step).isEqualTo(!clientStep);
		}
		assertThat(FindingStep.EXPLAIN.side()).isEqualTo(FindingStep.Side.CONTRACTOR);
		assertThat(FindingStep.ACKNOWLEDGE.side()).isEqualTo(FindingStep.Side.CLIENT);
		assertThat(FindingStep.RETURN.side()).isEqualTo(FindingStep.Side.CLIENT);
		assertThat(FindingStep.CLOSE.side()).isEqualTo(FindingStep.Side.CLIENT);
	}

	@Test
	void nobodyElseTakesAnyStep() {
		UUID otherClient = UUID.randomUUID();
		UUID otherContractor = UUID.randomUUID();
		Actor[] others = { actor(this.client, OrganisationKind.CLIENT, Role.AUDITOR),
				actor(this.client, OrganisationKind.CLIENT, Role.SYSTEM_ADMIN),
				actor(this.contractor, OrganisationKind.CONTRACTOR, Role.CONTRACTOR_WORKER),
				actor(otherClient, OrganisationKind.CLIENT, Role.CLIENT_OFFICER),
				actor(otherClient, OrganisationKind.CLIENT, Role.CLIENT_SECURITY_ADMIN),
				actor(otherContractor, OrganisationKind.CONTRACTOR, Role.CONTRACTOR_LEAD),
				actor(otherContractor, OrganisationKind.SUBCONTRACTOR, Role.CONTRACTOR_LEAD) };
		for (Actor other : others) {
			for (FindingStep step : FindingStep.values()) {
				assertThat(may(other, step)).as("%s %s", other.role(), step).isFalse();
			}
		}
	}

	private boolean may(Actor actor, FindingStep step) {
		return FindingParties.mayTake(actor, this.client, this.contractor, step);
	}

	private static Actor actor(UUID organisation, OrganisationKind kind, Role role) {
		return new Actor(UUID.randomUUID(), role.name().toLowerCase(), role.name(), organisation, "org", kind, role);
	}

}
