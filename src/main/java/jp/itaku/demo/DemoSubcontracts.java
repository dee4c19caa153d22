package jp.itaku.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jp.itaku.asset.AssetItemForm;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.StorageLocation;
import jp.itaku.contract.Contract;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.Incidents;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.subcontract.StaffNotices;
import jp.itaku.subcontract.Subcontract;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.SubcontractSystemReads;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.training.Pledges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo subcontracting on the Kadoma contract (門真市 8): 株式会社みらいデータサービス (`lead`)
 * subcontracted the data entry to 有限会社あおば入力センター (`sublead`), approved by `officer`, so
 * `sublead` sees the contract; あおば has applied to pass the scanning further to a third
 * company (再々委託), waiting for the client's approval.
 */
@Component
@Order(110)
class DemoSubcontracts implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoSubcontracts.class);

	private static final String SUBCONTRACTOR = "有限会社あおば入力センター";

	private static final String SECOND_LEVEL = "株式会社ひかりスキャニング";

	private final Subcontracts subcontracts;

	private final SubcontractSystemReads subcontractReads;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final DemoActors actors;

	private final Rosters rosters;

	private final StaffNotices staffNotices;

	private final Incidents incidents;

	private final Clock clock;

	private final AssetRegister register;

	private final Pledges pledges;

	DemoSubcontracts(Pledges pledges, AssetRegister register, Subcontracts subcontracts, Organisations organisations,
			DemoActors actors, Rosters rosters, StaffNotices staffNotices, Incidents incidents, Clock clock,
			OrganisationSystemReads organisationReads, SubcontractSystemReads subcontractReads) {
		this.subcontractReads = subcontractReads;
		this.organisationReads = organisationReads;
		this.pledges = pledges;
		this.register = register;
		this.rosters = rosters;
		this.staffNotices = staffNotices;
		this.incidents = incidents;
		this.clock = clock;
		this.subcontracts = subcontracts;
		this.organisations = organisations;
		this.actors = actors;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract kadoma = demo.kadoma();
		Organisation aoba = this.organisationReads.findByNameUnscoped(SUBCONTRACTOR).orElse(null);
		if (aoba == null || !this.subcontractReads.allUnscoped(kadoma.getId()).isEmpty()
				|| !this.subcontracts.mayApply(demo.lead(), kadoma)) {
			return;
		}
		Organisation hikari = this.organisationReads.findByNameUnscoped(SECOND_LEVEL)
			.orElseGet(() -> this.organisations.create(null,
					new OrganisationForm(SECOND_LEVEL, OrganisationKind.SUBCONTRACTOR, "大阪府守口市京阪本通2-5-5")));
		SubcontractForm first = form(aoba, kadoma, "臨時交付窓口の繁忙期（6月〜9月）に申請書の受付件数が当社の入力体制を超えるため、やむを得ず付随的な入力作業に限り再委託する。",
				"交付申請書の記載内容のシステム入力（付随的業務）", "交付申請書の写し（氏名・住所・生年月日。個人番号は含まない）",
				"入力室の入退室管理（ICカード）、書類の施錠保管、私物端末の持込み禁止、作業端末のUSB無効化", "毎月1回の実地確認、日次の作業報告と入力件数の照合", "青葉 四郎",
				"入力 花子\n入力 次郎");
		Subcontract approved = this.subcontracts.apply(demo.lead(), kadoma.getId(), first);
		this.subcontracts.approve(this.actors.of("officer"), approved.getId());
		subcontractorAtWork(kadoma, approved);
		SubcontractForm second = form(hikari, kadoma, "申請書の画像化に専用のスキャナ設備が必要で、当社に設備がないため。", "交付申請書のスキャン（画像化）",
				"交付申請書の原本（氏名・住所・生年月日）", "作業場所の施錠、スキャン画像の暗号化保存、作業後の原本即日返却", "作業日ごとの立会いと受渡し記録の確認", "光 一郎", "走査 太郎");
		this.subcontracts.apply(this.actors.of("sublead"), kadoma.getId(), second);
		log.info("Demo subcontracts seeded on {}", kadoma.getNumber());
	}

	/**
	 * The approved subcontractor keeps its own roster (its security lead started by
	 * `sublead` with a recorded reason, two workers planned), the contractor names them
	 * to the client, あおば's security lead received the application copies into its own
	 * register, and `sublead` has reported a suspected incident, which reached both the
	 * client and the contractor.
	 */
	private void subcontractorAtWork(Contract kadoma, Subcontract approved) {
		Actor sublead = this.actors.of("sublead");
		RosterMemberForm securityLead = member("青葉 四郎", WorkerRole.SECURITY_LEAD, "情報セキュリティ責任者、書類の受領",
				kadoma.getPeriodStart());
		securityLead.setHandoverPerson(true);
		RosterMember lead = DemoMembers.add(this.rosters, sublead, kadoma, securityLead);
		this.rosters.activate(sublead, lead.getId(), "誓約書及び研修記録は紙で受領し、受託者が原本を確認済み");
		RosterMember hanako = DemoMembers.add(this.rosters, sublead, kadoma,
				member("入力 花子", WorkerRole.WORKER, "交付申請書の入力", kadoma.getPeriodStart().plusMonths(2)));
		// あおば pledges its own workers; 花子's pledge waits for her signature.
		this.pledges.generate(sublead, hanako.getId(), ItakuTime.today(this.clock));
		DemoMembers.add(this.rosters, sublead, kadoma,
				member("入力 次郎", WorkerRole.WORKER, "交付申請書の入力", kadoma.getPeriodStart().plusMonths(2)));
		this.staffNotices.file(this.actors.of("lead"), approved.getId());
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE))
			.minusDays(1)
			.withHour(9)
			.withMinute(30)
			.withSecond(0)
			.withNano(0));
		receipt.setReceiverId(lead.getId());
		receipt.setHandedOverBy("株式会社みらいデータサービス 業務責任者（受託者経由で市民課より）");
		AssetItemForm copies = new AssetItemForm();
		copies.setKind(AssetKind.PAPER);
		copies.setDescription("マイナンバーカード交付申請書の写し（入力用）");
		copies.setQuantity(120);
		copies.setPersonal(true);
		copies.setStorage(StorageLocation.LOCKED_CABINET);
		copies.setStorageDetail("あおば入力センター 入力室 施錠書庫B");
		receipt.setItems(List.of(copies));
		this.register.receive(sublead, kadoma.getId(), receipt);
		IncidentForm incident = new IncidentForm();
		incident.setCategory(IncidentCategory.POLICY_VIOLATION);
		incident.setSuspected(true);
		incident.setDetectedAt(
				LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).minusMinutes(25).withSecond(0).withNano(0));
		incident.setLocation("あおば入力センター 入力室");
		incident.setDescription("入力室の作業端末に私物のUSBメモリが差し込まれていたとの申告。持出しの有無を確認中。");
		incident.setInformation("交付申請書の入力データ（氏名・住所）");
		incident.setContainment("当該端末をネットワークから切り離し、USBメモリを保全した。");
		this.incidents.report(sublead, kadoma.getId(), incident);
	}

	private static RosterMemberForm member(String name, WorkerRole role, String duties, LocalDate start) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation(SUBCONTRACTOR);
		form.setRole(role);
		form.setDuties(duties);
		form.setWorkLocation("大阪府門真市 あおば入力センター 入力室");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(start);
		return form;
	}

	private static SubcontractForm form(Organisation to, Contract contract, String reason, String work,
			String information, String measures, String supervision, String securityLead, String workers) {
		SubcontractForm form = new SubcontractForm();
		form.setSubcontractorOrganisationId(to.getId());
		form.setPeriodStart(contract.getPeriodStart());
		LocalDate end = contract.getPeriodStart().plusMonths(4).minusDays(1);
		form.setPeriodEnd(end.isAfter(contract.getPeriodEnd()) ? contract.getPeriodEnd() : end);
		form.setReason(reason);
		form.setWorkContent(work);
		form.setInformationHandled(information);
		form.setPersonalInformation(true);
		form.setSafetyMeasures(measures);
		form.setSupervisionMethod(supervision);
		form.setSecurityLead(securityLead);
		form.setWorkers(workers);
		form.setSafetyMeasuresChecked(true);
		form.setBindsSameClauses(true);
		form.setAncillaryUnavoidable(true);
		return form;
	}

}
