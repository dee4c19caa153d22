package jp.itaku.obligation;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.itaku.calendar.DeadlineKind;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.EndCondition;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Planning a contract's obligations from the shipped clause profiles: which requirements
 * apply to which scope, and when each falls due.
 */
class ObligationPlannerTests {

	private static final LocalDate START = LocalDate.of(2026, 4, 1);

	private static final LocalDate END = LocalDate.of(2027, 3, 31);

	private static final ObligationPlanner.DueDates AS_IS = (nominal, kind, from) -> nominal;

	/**
	 * The working calendar's rules by kind with only weekends closed, enough to see which
	 * rule the planner asks for: a calendar-fixed date moves to the Friday before; a
	 * deadline counted from an event is never before it and, counted in days, moves to
	 * the Monday after.
	 */
	private static final ObligationPlanner.DueDates WEEKENDS_CLOSED = (nominal, kind, from) -> switch (kind) {
		case CALENDAR_FIXED -> weekday(nominal, -1);
		case DAYS_AFTER_EVENT -> weekday(nominal.isBefore(from) ? from : nominal, 1);
		case HOURS_AFTER_EVENT -> nominal.isBefore(from) ? from : nominal;
	};

	private static LocalDate weekday(LocalDate date, int step) {
		LocalDate d = date;
		while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
			d = d.plusDays(step);
		}
		return d;
	}

	static ProfileDefinition profile(String code) throws IOException {
		return ProfileTestSupport.bundled(code);
	}

	static ObligationPlanner.Terms terms(Set<ContractAttribute> attributes) {
		return new ObligationPlanner.Terms(START, END, attributes, (policy) -> switch (policy) {
			case IMMEDIATELY -> "PT1H";
			case PROMPTLY -> "P3D";
			case WITHOUT_DELAY -> "P7D";
		});
	}

	private static List<Deliverable> deliverables(List<PlannedObligation> planned) {
		return planned.stream().map(PlannedObligation::deliverable).toList();
	}

	@Test
	void setagayaRequiresTheNetworkDiagramAndSecuritySpecificationOnlyWithMyNumber() throws IOException {
		ProfileDefinition setagaya = profile("setagaya");
		List<PlannedObligation> with = ObligationPlanner.plan(
				terms(EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HANDLES_MY_NUMBER)),
				setagaya, AS_IS);
		List<PlannedObligation> without = ObligationPlanner
			.plan(terms(EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)), setagaya, AS_IS);
		assertThat(deliverables(with)).contains(Deliverable.NETWORK_DIAGRAM, Deliverable.SECURITY_SPECIFICATION);
		assertThat(deliverables(without)).doesNotContain(Deliverable.NETWORK_DIAGRAM,
				Deliverable.SECURITY_SPECIFICATION);
		PlannedObligation diagram = with.stream()
			.filter((o) -> o.deliverable() == Deliverable.NETWORK_DIAGRAM)
			.findFirst()
			.orElseThrow();
		assertThat(diagram.clauseRef()).isEqualTo("3(4)");
		assertThat(diagram.periodKey()).isEqualTo("START");
		assertThat(diagram.dueDate()).as("直ちに = within the day").isEqualTo(START);
	}

	@Test
	void theCloudRiskDocumentComesWithCloudServices() throws IOException {
		ProfileDefinition setagaya = profile("setagaya");
		assertThat(deliverables(
				ObligationPlanner.plan(terms(EnumSet.of(ContractAttribute.USES_CLOUD_SERVICES)), setagaya, AS_IS)))
			.contains(Deliverable.CLOUD_RISK_MEASURES);
		assertThat(
				deliverables(ObligationPlanner.plan(terms(EnumSet.noneOf(ContractAttribute.class)), setagaya, AS_IS)))
			.doesNotContain(Deliverable.CLOUD_RISK_MEASURES);
	}

	@Test
	void kadomasWorkScheduleIsDueEveryMonthByThe20thOfThePreviousMonth() throws IOException {
		List<PlannedObligation> schedules = ObligationPlanner
			.plan(terms(EnumSet.of(ContractAttribute.HANDLES_MY_NUMBER)), profile("kadoma"), AS_IS)
			.stream()
			.filter((o) -> o.deliverable() == Deliverable.WORK_SCHEDULE && o.periodKey().matches("\\d{4}-\\d{2}"))
			.toList();
		assertThat(schedules).hasSize(12);
		assertThat(schedules).filteredOn((o) -> o.periodKey().equals("2026-06"))
			.singleElement()
			.satisfies((o) -> assertThat(o.dueDate()).isEqualTo(LocalDate.of(2026, 5, 20)));
		assertThat(schedules).filteredOn((o) -> o.periodKey().equals("2026-04"))
			.singleElement()
			.satisfies((o) -> assertThat(o.dueDate()).as("never before the contract starts").isEqualTo(START));
	}

	@Test
	void aCalendarFixedDueDateOnAClosedDayStillMovesToThePreviousOpenDay() throws IOException {
		// The 2026-09 schedule is due on 20 August 2026... and the 2026-07 one on 20 June
		// 2026, a Saturday: "by the 20th of the previous month" is a date the calendar
		// fixes.
		PlannedObligation july = ObligationPlanner
			.plan(terms(EnumSet.noneOf(ContractAttribute.class)), profile("kadoma"), WEEKENDS_CLOSED)
			.stream()
			.filter((o) -> o.deliverable() == Deliverable.WORK_SCHEDULE && o.periodKey().equals("2026-07"))
			.findFirst()
			.orElseThrow();
		assertThat(LocalDate.of(2026, 6, 20).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(july.dueDate()).isEqualTo(LocalDate.of(2026, 6, 19));
		assertThat(july.dueKind()).isEqualTo(DeadlineKind.CALENDAR_FIXED);
	}

	@Test
	void kadomasMonthlySelfInspectionIsReportedAfterEachMonth() throws IOException {
		List<PlannedObligation> reports = ObligationPlanner
			.plan(terms(EnumSet.noneOf(ContractAttribute.class)), profile("kadoma"), AS_IS)
			.stream()
			.filter((o) -> o.deliverable() == Deliverable.SELF_INSPECTION_REPORT)
			.toList();
		assertThat(reports).hasSize(12);
		assertThat(reports).allSatisfy((o) -> assertThat(o.dueDate()).isAfterOrEqualTo(START));
	}

	@Test
	void eventDrivenDutiesAreNotPlannedAhead() throws IOException {
		assertThat(deliverables(
				ObligationPlanner.plan(terms(EnumSet.allOf(ContractAttribute.class)), profile("gunma"), AS_IS)))
			.doesNotContain(Deliverable.INCIDENT_REPORT, Deliverable.COPY_REQUEST, Deliverable.TAKE_OUT_REQUEST);
	}

	@Test
	void isoDurationsCountInCalendarUnitsAndHoursWithinTheDay() {
		assertThat(ObligationPlanner.plus(START, "PT1H")).isEqualTo(START);
		assertThat(ObligationPlanner.plus(START, "PT48H")).isEqualTo(START.plusDays(2));
		assertThat(ObligationPlanner.plus(START, "P3D")).isEqualTo(START.plusDays(3));
		assertThat(ObligationPlanner.plus(START, "P1M")).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(ObligationPlanner.plus(START, null)).isEqualTo(START);
		assertThat(DeadlinePolicy.values()).hasSize(3);
	}

	@Test
	void aWorkerLeavingAKadomaContractRaisesTheIdRevocationReportDuePromptly() throws IOException {
		LocalDate left = LocalDate.of(2026, 6, 10);
		List<PlannedObligation> raised = ObligationPlanner.raise(terms(EnumSet.noneOf(ContractAttribute.class)),
				profile("kadoma"), ObligationTrigger.event(jp.itaku.catalog.TriggerEvent.WORKER_LEFT), left, "W-1",
				AS_IS);
		assertThat(raised).singleElement().satisfies((o) -> {
			assertThat(o.clauseRef()).isEqualTo("4(3)");
			assertThat(o.deliverable()).isEqualTo(Deliverable.ID_REVOCATION_NOTICE);
			assertThat(o.periodKey()).isEqualTo("W-1");
			// The clause names no deadline: promptly, as the contract sets it (3 days
			// here).
			assertThat(o.dueDate()).isEqualTo(left.plusDays(3));
		});
	}

	@Test
	void aRosterChangeRaisesTheChangeNoticeOnlyWhereTheScopeAsksForIt() throws IOException {
		ObligationTrigger rosterChanged = ObligationTrigger.change(jp.itaku.catalog.ChangeSubject.ROSTER);
		LocalDate changed = LocalDate.of(2026, 6, 13);
		List<PlannedObligation> setagaya = ObligationPlanner.raise(
				terms(EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)), profile("setagaya"), rosterChanged,
				changed, "N2", WEEKENDS_CLOSED);
		assertThat(setagaya).extracting(PlannedObligation::deliverable).containsOnly(Deliverable.ROSTER);
		assertThat(setagaya).extracting(PlannedObligation::clauseRef).contains("3(2)①", "3(2)②");
		// 直ちに (1 hour) from a Saturday runs by the clock: due that Saturday, never the
		// Friday before.
		assertThat(setagaya).allSatisfy((o) -> {
			assertThat(o.dueDate()).isEqualTo(changed);
			assertThat(o.dueKind()).isEqualTo(DeadlineKind.HOURS_AFTER_EVENT);
			assertThat(o.duePolicy()).isEqualTo(DeadlinePolicy.IMMEDIATELY);
			assertThat(o.dueWithin()).isEqualTo("PT1H");
		});

		List<PlannedObligation> nerimaWithout = ObligationPlanner.raise(terms(EnumSet.noneOf(ContractAttribute.class)),
				profile("nerima"), rosterChanged, changed, "N2", AS_IS);
		assertThat(nerimaWithout).isEmpty();
	}

	@Test
	void aSundayRosterChangeIsNeverDueBeforeTheChange() throws IOException {
		LocalDate sunday = LocalDate.of(2026, 12, 6);
		assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		for (String code : List.of("setagaya", "kadoma", "nerima", "gunma")) {
			List<PlannedObligation> raised = ObligationPlanner.raise(terms(EnumSet.allOf(ContractAttribute.class)),
					profile(code), ObligationTrigger.change(jp.itaku.catalog.ChangeSubject.ROSTER), sunday, "N3",
					WEEKENDS_CLOSED);
			assertThat(raised).as(code).allSatisfy((o) -> {
				assertThat(o.dueDate()).as(code + " " + o.clauseRef()).isAfterOrEqualTo(sunday);
				assertThat(o.dueKind()).isNotEqualTo(DeadlineKind.CALENDAR_FIXED);
			});
		}
	}

	@Test
	void aDeadlineCountedInDaysThatEndsOnAClosedDayMovesToTheNextOpenDay() throws IOException {
		// Kadoma 4(3) names no deadline: 速やかに, 3 days here. From Thursday 3 December
		// 2026 that is Sunday the 6th, so Monday the 7th.
		LocalDate thursday = LocalDate.of(2026, 12, 3);
		List<PlannedObligation> raised = ObligationPlanner.raise(terms(EnumSet.noneOf(ContractAttribute.class)),
				profile("kadoma"), ObligationTrigger.event(jp.itaku.catalog.TriggerEvent.WORKER_LEFT), thursday, "W-2",
				WEEKENDS_CLOSED);
		assertThat(raised).singleElement().satisfies((o) -> {
			assertThat(o.dueKind()).isEqualTo(DeadlineKind.DAYS_AFTER_EVENT);
			assertThat(o.duePolicy()).isEqualTo(DeadlinePolicy.PROMPTLY);
			assertThat(o.dueDate()).isEqualTo(LocalDate.of(2026, 12, 7));
		});
	}

	@Test
	void aSaturdayIncidentIsDueOnOrAfterItsDayByItsOwnClausesTerm() throws IOException {
		LocalDate saturday = LocalDate.of(2026, 12, 5);
		ObligationTrigger incident = ObligationTrigger.event(jp.itaku.catalog.TriggerEvent.INCIDENT);
		PlannedObligation setagaya = ObligationPlanner
			.raise(terms(EnumSet.allOf(ContractAttribute.class)), profile("setagaya"), incident, saturday, "INC-1",
					WEEKENDS_CLOSED)
			.stream()
			.filter((o) -> o.deliverable() == Deliverable.INCIDENT_REPORT)
			.findFirst()
			.orElseThrow();
		assertThat(setagaya.clauseRef()).isEqualTo("36");
		assertThat(setagaya.dueDate()).as("直ちに: that Saturday").isEqualTo(saturday);
		PlannedObligation gunma = ObligationPlanner
			.raise(terms(EnumSet.allOf(ContractAttribute.class)), profile("gunma"), incident, saturday, "INC-1",
					WEEKENDS_CLOSED)
			.stream()
			.filter((o) -> o.deliverable() == Deliverable.INCIDENT_REPORT)
			.findFirst()
			.orElseThrow();
		assertThat(gunma.clauseRef()).isEqualTo("第16条");
		assertThat(gunma.duePolicy()).isEqualTo(DeadlinePolicy.PROMPTLY);
		// 速やかに = 3 days: Tuesday the 8th, an open day.
		assertThat(gunma.dueDate()).isEqualTo(LocalDate.of(2026, 12, 8));
	}

	@Test
	void periodicReportsLeftAsAgreedFollowTheContractsReportingInterval() throws IOException {
		ProfileDefinition setagaya = profile("setagaya");
		Set<ContractAttribute> personal = EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION);
		assertThat(deliverables(ObligationPlanner.plan(terms(personal), setagaya, AS_IS)))
			.doesNotContain(Deliverable.PERIODIC_REPORT);
		ObligationPlanner.Terms quarterly = new ObligationPlanner.Terms(START, END, personal,
				terms(personal).durations(), "P3M");
		List<PlannedObligation> reports = ObligationPlanner.plan(quarterly, setagaya, AS_IS)
			.stream()
			.filter((o) -> o.deliverable() == Deliverable.PERIODIC_REPORT)
			.toList();
		assertThat(reports).isNotEmpty().allSatisfy((o) -> assertThat(o.clauseRef()).isEqualTo("32"));
		assertThat(reports.get(0).periodKey()).isEqualTo("P1");
		assertThat(reports.get(0).dueDate()).isEqualTo(START.plusMonths(3).minusDays(1));
		assertThat(reports).hasSize((int) java.time.temporal.ChronoUnit.MONTHS.between(START, END.plusDays(1)) / 3
				+ ((java.time.temporal.ChronoUnit.MONTHS.between(START, END.plusDays(1)) % 3 == 0) ? 0 : 1));
	}

	@Test
	void dutiesAsAgreedOtherThanReportsAreLeftToTheImplementationPlan() throws IOException {
		ProfileDefinition setagaya = profile("setagaya");
		Set<ContractAttribute> personal = EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION);
		ObligationPlanner.Terms quarterly = new ObligationPlanner.Terms(START, END, personal,
				terms(personal).durations(), "P3M");
		// The reporting interval dates the reports of 32, never the training and drills
		// of
		// 16 nor the backups of 19, which only the contractor's plan dates.
		assertThat(deliverables(ObligationPlanner.plan(quarterly, setagaya, AS_IS)))
			.contains(Deliverable.PERIODIC_REPORT)
			.doesNotContain(Deliverable.TRAINING_RECORD, Deliverable.DRILL_RECORD, Deliverable.IMPLEMENTATION_RECORD);
		assertThat(needingPlan(setagaya, quarterly)).containsExactly("16#1", "16#2", "19#1");
		assertThat(needingPlan(setagaya, terms(personal))).containsExactly("16#1", "16#2", "19#1", "32#1");
		ObligationPlanner.Terms everything = new ObligationPlanner.Terms(
				START, END, EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION,
						ContractAttribute.HANDLES_MY_NUMBER, ContractAttribute.SERVERS_OUTSIDE_CLIENT_PREMISES),
				terms(personal).durations(), "P3M");
		assertThat(needingPlan(setagaya, everything)).containsExactly("10#2", "16#1", "16#2", "19#1", "24#1");
		assertThat(needingPlan(profile("nerima"), quarterly)).containsExactly("第18条⑷オ#1", "第24条第3項#1");
	}

	private static List<String> needingPlan(ProfileDefinition profile, ObligationPlanner.Terms terms) {
		List<String> keys = new java.util.ArrayList<>();
		for (ProfileDefinition.ClauseDefinition clause : profile.clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				if (ObligationPlanner.needsPlan(clause, clause.requirements().get(i), terms)) {
					keys.add(clause.ref() + "#" + (i + 1));
				}
			}
		}
		return keys;
	}

	@Test
	void setagayaPlansNoDisposalReportAtTheEndTheRegisterRaisesItOnlyWhenSomethingWasDisposedOrCopied()
			throws IOException {
		List<PlannedObligation> planned = ObligationPlanner.plan(terms(EnumSet.allOf(ContractAttribute.class)),
				profile("setagaya"), AS_IS);
		assertThat(planned).filteredOn((o) -> "END".equals(o.periodKey())).isEmpty();
		// Raised at the end only for the condition that holds: a copy was made.
		List<PlannedObligation> copies = ObligationPlanner.raise(terms(Set.of()), profile("setagaya"),
				ObligationTrigger.contractEnd(), END, "END", AS_IS,
				(requirement) -> requirement.onlyIf() == EndCondition.COPIES_MADE);
		assertThat(copies).extracting(PlannedObligation::clauseRef, PlannedObligation::deliverable)
			.containsExactly(tuple("7", Deliverable.DISPOSAL_REPORT));
		// A requirement at the end without a condition is planned, never raised again.
		assertThat(ObligationPlanner.raise(terms(Set.of()), profile("kadoma"), ObligationTrigger.contractEnd(), END,
				"END", AS_IS))
			.isEmpty();
	}

}
