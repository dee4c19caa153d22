package jp.itaku.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.selfinspection.Answer;
import jp.itaku.selfinspection.AnswerInput;
import jp.itaku.selfinspection.Question;
import jp.itaku.selfinspection.SelfInspections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo self-inspections on the Kadoma contract (門真市 11(1)): last month's submitted with
 * one "no" (screens not always locked when away) and its corrective action, this month's
 * partly answered. Seeded only when the contract has no self-inspection yet.
 */
@Component
@Order(90)
class DemoSelfInspections implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoSelfInspections.class);

	private final SelfInspections inspections;

	private final WorkingCalendar calendar;

	DemoSelfInspections(SelfInspections inspections, WorkingCalendar calendar) {
		this.inspections = inspections;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = demo.lead();
		Contract kadoma = demo.kadoma();
		boolean started = this.inspections.months(lead, kadoma.getId())
			.stream()
			.anyMatch((m) -> m.inspection() != null);
		if (started) {
			return;
		}
		LocalDate today = this.calendar.today();
		YearMonth thisMonth = YearMonth.from(today);
		YearMonth lastMonth = thisMonth.minusMonths(1);
		List<Question> questions = this.inspections.checklist(lead, kadoma.getId());
		if (!lastMonth.isBefore(YearMonth.from(kadoma.getPeriodStart()))) {
			List<AnswerInput> answers = new ArrayList<>();
			boolean no = false;
			for (Question question : questions) {
				if (!no && "T:LOCK_SCREEN".equals(question.key())) {
					answers.add(new AnswerInput(question.key(), Answer.NO, "窓口端末で離席時にロックされていない事例を1件確認した。",
							"全端末に5分で自動ロックを設定し、朝礼で離席時のロックを再周知する。", today.plusDays(14)));
					no = true;
				}
				else if (question.ref().startsWith("8(") || question.ref().startsWith("9(")) {
					answers.add(new AnswerInput(question.key(), Answer.NA, "当月は該当する事象なし。", null, null));
				}
				else {
					answers.add(new AnswerInput(question.key(), Answer.YES, null, null, null));
				}
			}
			this.inspections.save(lead, kadoma.getId(), lastMonth, answers);
			this.inspections.submit(lead, kadoma.getId(), lastMonth);
		}
		List<AnswerInput> partial = new ArrayList<>();
		for (int i = 0; i < questions.size() / 2; i++) {
			partial.add(new AnswerInput(questions.get(i).key(), Answer.YES, null, null, null));
		}
		this.inspections.save(lead, kadoma.getId(), thisMonth, partial);
		log.info("Demo self-inspections seeded on {}", kadoma.getNumber());
	}

}
