package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.inspection.ChecklistLine;
import jp.itaku.inspection.Finding;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.LineResult;
import jp.itaku.inspection.InspectionFindings;
import jp.itaku.inspection.Inspections;
import jp.itaku.inspection.MaterialRequests;
import jp.itaku.inspection.Severity;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Demo inspection: on the Setagaya contract an on-site inspection held last week by
 * {@code officer} with two findings — one explained by {@code lead} with evidence and
 * closed by {@code secadmin}, one awaiting the contractor's explanation — and a pending
 * request for a status report (Setagaya 33) with its due date.
 */
@Component
@Order(100)
class DemoInspections implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoInspections.class);

	private final Inspections inspections;

	private final InspectionFindings findings;

	private final MaterialRequests requests;

	private final DemoActors actors;

	private final WorkingCalendar calendar;

	DemoInspections(Inspections inspections, InspectionFindings findings, MaterialRequests requests, DemoActors actors,
			WorkingCalendar calendar) {
		this.inspections = inspections;
		this.findings = findings;
		this.requests = requests;
		this.actors = actors;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract contract = demo.setagaya();
		Actor officer = this.actors.of("officer");
		if (!this.inspections.mayInspect(officer, contract)
				|| !this.inspections.list(officer, contract.getId()).inspections().isEmpty()) {
			return;
		}
		Actor secadmin = this.actors.of("secadmin");
		Actor lead = demo.lead();
		LocalDate today = this.calendar.today();
		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.ON_SITE);
		form.setHeldOn(today.minusWeeks(1));
		form.setScope("受託者作業室（世田谷区役所 第2庁舎 3階）における入退室管理、記録媒体の保管、端末の画面ロックとパスワードの管理");
		form.setInspectors("情報政策課 山田、住民記録・戸籍課 佐藤");
		Inspection inspection = this.inspections.plan(officer, contract.getId(), form);
		observe(officer, inspection);

		Finding closed = this.findings.record(officer, inspection.getId(), Severity.MAJOR, "7",
				"記録媒体の保管庫の鍵が、作業台の引き出しに入れたままになっていた。", "保管庫の鍵は管理者が携行し、貸出と返却を記録すること。", today.plusDays(7));
		this.findings.explain(lead, closed.getId(), "鍵を管理者が携行する運用に改め、鍵の貸出記録簿を備えた。従事者へ周知した。",
				List.of(new Obligations.Upload("鍵貸出記録簿.txt", "text/plain", new ByteArrayResource(
						"日付,時刻,貸出先,返却\n令和8年11月16日,9:05,山田,17:30\n".getBytes(StandardCharsets.UTF_8)))));
		this.findings.close(secadmin, closed.getId(), "貸出記録簿と運用を確認した。");

		this.findings.record(officer, inspection.getId(), Severity.MINOR, "15", "離席時に画面ロックされていない端末が1台あった。",
				"全端末で5分間の無操作で画面ロックされるよう設定し、設定画面の写しを提出すること。", today.plusDays(14));

		this.requests.request(officer, inspection.getId(), Deliverable.STATUS_REPORT, "再受託者を含む情報セキュリティ管理状況の報告（直近3か月）",
				today.plusDays(10));
		log.info("Demo inspection seeded on {}", contract.getNumber());
	}

	private void observe(Actor officer, Inspection inspection) {
		boolean keyFound = false;
		for (ChecklistLine line : this.inspections.detail(officer, inspection.getId()).lines()) {
			if ("7".equals(line.getClauseRef()) && !keyFound) {
				this.inspections.observe(officer, line.getId(), LineResult.FINDING, "保管庫の鍵の管理（指摘 AUD-1-F1）");
				keyFound = true;
			}
			else if (line.getClauseRef().startsWith("11") || line.getClauseRef().startsWith("12")) {
				this.inspections.observe(officer, line.getId(), LineResult.CONFORMING, null);
			}
		}
	}

}
