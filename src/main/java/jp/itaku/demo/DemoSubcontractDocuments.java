package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.subcontract.Subcontract;
import jp.itaku.subcontract.SubcontractDocuments;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.SubcontractSystemReads;
import jp.itaku.subcontract.Subcontracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * The demo Setagaya subcontract (世田谷区 4): 株式会社みらいデータサービス (`lead`) passes the ancillary
 * printing and enclosing of notices to 株式会社わかば印刷サービス, with the four documents of item 3
 * attached (its security rules, roster with work locations, work schedule, emergency
 * contacts); `officer` approved it, and わかば's lead (`wakaba`) has since revised its
 * emergency contacts once, so that the documents page shows an earlier and a current
 * version.
 */
@Component
@Order(112)
class DemoSubcontractDocuments implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoSubcontractDocuments.class);

	private static final String SUBCONTRACTOR = "株式会社わかば印刷サービス";

	private final Subcontracts subcontracts;

	private final SubcontractDocuments documents;

	private final SubcontractSystemReads subcontractReads;

	private final OrganisationSystemReads organisationReads;

	private final AccountSystemReads accountReads;

	private final DemoActors actors;

	DemoSubcontractDocuments(Subcontracts subcontracts, SubcontractDocuments documents,
			SubcontractSystemReads subcontractReads, OrganisationSystemReads organisationReads,
			AccountSystemReads accountReads, DemoActors actors) {
		this.subcontracts = subcontracts;
		this.documents = documents;
		this.subcontractReads = subcontractReads;
		this.organisationReads = organisationReads;
		this.accountReads = accountReads;
		this.actors = actors;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract setagaya = demo.setagaya();
		if (!this.subcontractReads.allUnscoped(setagaya.getId()).isEmpty()
				|| !this.subcontracts.mayApply(demo.lead(), setagaya)) {
			return;
		}
		Organisation wakaba = this.organisationReads.findByNameUnscoped(SUBCONTRACTOR).orElse(null);
		if (wakaba == null || this.accountReads.findByUsernameUnscoped("wakaba").isEmpty()) {
			return;
		}
		SubcontractForm form = new SubcontractForm();
		form.setSubcontractorOrganisationId(wakaba.getId());
		form.setPeriodStart(setagaya.getPeriodStart());
		form.setPeriodEnd(setagaya.getPeriodEnd());
		form.setReason("住民記録の通知書の一括印刷・封入封緘には専用の印刷設備が必要で、当社に設備がないため、やむを得ず附属業務に限り再委託する。");
		form.setWorkContent("通知書の印刷及び封入封緘（附属業務）");
		form.setInformationHandled("通知書の印刷データ（氏名・住所）");
		form.setPersonalInformation(true);
		form.setSafetyMeasures("印刷室の入退室管理（ICカード・監視カメラ）、印刷データの暗号化受渡し、作業後のデータ消去と消去証明の提出");
		form.setSupervisionMethod("印刷日ごとの立会い、受渡し記録と消去証明の確認");
		form.setSecurityLead("若葉 五郎");
		form.setWorkers("印刷 一子\n封入 二郎");
		form.setSafetyMeasuresChecked(true);
		form.setBindsSameClauses(true);
		form.setAncillaryUnavoidable(true);
		Map<Deliverable, List<SubcontractDocuments.Upload>> files = new LinkedHashMap<>();
		files.put(Deliverable.SECURITY_RULES, List.of(file("わかば印刷_情報セキュリティ規程.txt", "情報セキュリティ及び個人情報保護に関する規程（第3版）")));
		files.put(Deliverable.ROSTER,
				List.of(file("わかば印刷_従事者名簿.txt", "若葉 五郎 責任者 三軒茶屋印刷室\n印刷 一子 印刷 三軒茶屋印刷室\n封入 二郎 封入封緘 三軒茶屋印刷室")));
		files.put(Deliverable.IMPLEMENTATION_SCHEDULE,
				List.of(file("わかば印刷_作業工程表.txt", "毎月第2週 印刷データ受領・印刷、第3週 封入封緘・引渡し・データ消去")));
		files.put(Deliverable.EMERGENCY_CONTACTS, List.of(file("わかば印刷_緊急連絡体制.txt", "平日昼間 若葉 五郎 03-0000-0001")));
		Subcontract s = this.subcontracts.apply(demo.lead(), setagaya.getId(), form, files);
		this.subcontracts.approve(this.actors.of("officer"), s.getId());
		this.documents.revise(this.actors.of("wakaba"), s.getId(), Deliverable.EMERGENCY_CONTACTS,
				List.of(file("わかば印刷_緊急連絡体制_改訂.txt", "平日昼間 若葉 五郎 03-0000-0001\n夜間・休日 印刷 一子 090-0000-0002")),
				"夜間・休日の連絡先（印刷 一子）を追加しました。");
		log.info("Demo subcontract with its documents seeded on {}", setagaya.getNumber());
	}

	private static SubcontractDocuments.Upload file(String name, String text) {
		return new SubcontractDocuments.Upload(name, "text/plain",
				new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)));
	}

}
