package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.inspection.Finding;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionFindings;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.Inspections;
import jp.itaku.inspection.MaterialRequest;
import jp.itaku.inspection.MaterialRequests;
import jp.itaku.inspection.Severity;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Demo inspection of a subcontractor (世田谷区 33: 再受託者も同様): on the Setagaya contract
 * {@code officer} audits 株式会社わかば印刷サービス, the first-level subcontractor approved by
 * {@link DemoSubcontractDocuments}; its lead {@code wakaba} has answered the request for
 * a status report and explained the one finding, which waits for the officer's check. The
 * contractor's {@code lead} follows it; the Kadoma subcontractor ({@code sublead}) does
 * not see it.
 */
@Component
@Order(114)
class DemoChainInspection implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoChainInspection.class);

	private static final String SUBCONTRACTOR = "株式会社わかば印刷サービス";

	private final Inspections inspections;

	private final InspectionFindings findings;

	private final MaterialRequests requests;

	private final OrganisationSystemReads organisationReads;

	private final DemoActors actors;

	private final WorkingCalendar calendar;

	DemoChainInspection(Inspections inspections, InspectionFindings findings, MaterialRequests requests,
			OrganisationSystemReads organisationReads, DemoActors actors, WorkingCalendar calendar) {
		this.inspections = inspections;
		this.findings = findings;
		this.requests = requests;
		this.organisationReads = organisationReads;
		this.actors = actors;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract contract = demo.setagaya();
		Actor officer = this.actors.of("officer");
		Organisation wakaba = this.organisationReads.findByNameUnscoped(SUBCONTRACTOR).orElse(null);
		if (wakaba == null || !this.inspections.mayInspect(officer, contract)) {
			return;
		}
		Inspections.ContractInspections list = this.inspections.list(officer, contract.getId());
		if (list.chain().stream().noneMatch((m) -> m.organisationId().equals(wakaba.getId()))
				|| list.inspections().stream().anyMatch(Inspection::isOfSubcontractor)) {
			return;
		}
		Actor subcontractorLead = this.actors.of("wakaba");
		LocalDate today = this.calendar.today();
		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.AUDIT);
		form.setHeldOn(today.minusDays(3));
		form.setInspectedLevel(1);
		form.setInspectedSubcontractor(wakaba.getId());
		form.setScope("再受託者の印刷室（三軒茶屋）における印刷データの受渡し、作業後のデータ消去と消去証明、印刷室の入退室管理");
		form.setInspectors("情報政策課 山田");
		Inspection inspection = this.inspections.plan(officer, contract.getId(), form);

		MaterialRequest request = this.requests.request(officer, inspection.getId(), Deliverable.STATUS_REPORT,
				"印刷データの受渡し記録と消去証明（直近3か月）", today.plusDays(10));
		this.requests.answer(subcontractorLead, request.getId(), "直近3か月分の受渡し記録と消去証明を提出します。", List
			.of(upload("受渡し記録と消去証明_直近3か月.txt", "令和8年9月 受領・印刷・消去済（消去証明 No.0912）\n令和8年10月 受領・印刷・消去済（消去証明 No.1014）\n")));

		Finding finding = this.findings.record(officer, inspection.getId(), Severity.MINOR, "33",
				"印刷室の入退室記録に、退室時刻の記入漏れが2件あった。", "退室時刻の記入を徹底し、責任者が毎日記録を確認すること。", today.plusDays(14));
		this.findings.explain(subcontractorLead, finding.getId(), "退室時に責任者が記録簿を確認する手順を定め、従事者に周知した。",
				List.of(upload("入退室記録簿_確認欄追加.txt", "日付,入室,退室,氏名,責任者確認\n")));
		log.info("Demo inspection of the subcontractor seeded on {}", contract.getNumber());
	}

	private static Obligations.Upload upload(String name, String text) {
		return new Obligations.Upload(name, "text/plain", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)));
	}

}
