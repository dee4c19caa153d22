package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.Obligations;
import jp.itaku.plan.ImplementationPlans;
import jp.itaku.plan.PlanInput;
import jp.itaku.platform.Actor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Demo implementation plans (実施計画). On the Setagaya contract: training every six months
 * whose first day passed without a record (期限切れ), two drills on given days, the first
 * also lapsed, and the checks of the servers outside the ward office every three months,
 * the first recorded and accepted; its backups (19) and log analysis (24) are left
 * unplanned, so the contract page shows 実施計画なし. On the Nerima contract: the
 * review-or-drill of 第24条第3項 on two days, the first lapsed, and patches monthly from next
 * week. Days are counted from today and kept within each contract's period.
 */
@Component
@Order(25)
class DemoPlans implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

	private final ImplementationPlans plans;

	private final Obligations obligations;

	private final DemoActors actors;

	private final WorkingCalendar calendar;

	DemoPlans(ImplementationPlans plans, Obligations obligations, DemoActors actors, WorkingCalendar calendar) {
		this.plans = plans;
		this.obligations = obligations;
		this.actors = actors;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		LocalDate today = this.calendar.today();
		Contract setagaya = demo.setagaya();
		List<PlanInput> setagayaPlans = new ArrayList<>();
		add(setagayaPlans, setagaya, "16#1", "P6M", today.minusMonths(5));
		add(setagayaPlans, setagaya, "16#2", today.minusDays(45), today.plusDays(70));
		add(setagayaPlans, setagaya, "10#2", "P3M", today.minusMonths(2));
		if (!setagayaPlans.isEmpty()) {
			ImplementationPlans.Overview overview = this.plans.save(demo.lead(), setagaya.getId(), setagayaPlans);
			overview.duties()
				.stream()
				.filter((d) -> d.requirementKey().equals("10#2"))
				.flatMap((d) -> d.occurrences().stream())
				.filter((o) -> o.getDueDate() != null && o.getDueDate().isBefore(today))
				.findFirst()
				.ifPresent((o) -> record(demo.lead(), o));
		}
		Contract nerima = demo.nerima();
		List<PlanInput> nerimaPlans = new ArrayList<>();
		add(nerimaPlans, nerima, "第24条第3項#1", today.minusDays(20), today.plusDays(90));
		add(nerimaPlans, nerima, "第18条⑷オ#1", "P1M", today.plusDays(9));
		if (!nerimaPlans.isEmpty()) {
			this.plans.save(demo.lead2(), nerima.getId(), nerimaPlans);
		}
		log.info("Demo implementation plans seeded");
	}

	/**
	 * An occurrence's day as the file name carries it (20261007): no ISO date on pages.
	 */
	private static String dayOf(Obligation occurrence) {
		LocalDate due = occurrence.getDueDate();
		return (due != null) ? due.format(DateTimeFormatter.BASIC_ISO_DATE) : "";
	}

	/** Records the act of an occurrence and has the client accept it. */
	private void record(Actor lead, Obligation occurrence) {
		byte[] pdf = ("%PDF-1.4\n% Itaku demo: 庁舎外サーバの情報セキュリティ対策状況の確認記録 " + occurrence.getDueDate() + "\n%%EOF\n")
			.getBytes(StandardCharsets.UTF_8);
		var submission = this.obligations.submit(lead, occurrence.getId(), "定期確認を実施しました。確認結果を添付します。",
				List.of(new Obligations.Upload("庁舎外サーバ確認記録_" + dayOf(occurrence) + ".pdf", "application/pdf",
						new ByteArrayResource(pdf))));
		this.obligations.review(this.actors.of("officer"), submission.getId(), true, "確認記録を受領しました。");
	}

	private static void add(List<PlanInput> plans, Contract contract, String requirement, String interval,
			LocalDate first) {
		LocalDate day = within(contract, first);
		if (day != null) {
			plans.add(new PlanInput(requirement, interval, day, null));
		}
	}

	private static void add(List<PlanInput> plans, Contract contract, String requirement, LocalDate... days) {
		List<LocalDate> kept = new ArrayList<>();
		for (LocalDate day : days) {
			if (within(contract, day) != null) {
				kept.add(day);
			}
		}
		if (!kept.isEmpty()) {
			plans.add(new PlanInput(requirement, null, null, kept));
		}
	}

	private static @Nullable LocalDate within(Contract contract, LocalDate day) {
		return (day.isBefore(contract.getPeriodStart()) || day.isAfter(contract.getPeriodEnd())) ? null : day;
	}

}
