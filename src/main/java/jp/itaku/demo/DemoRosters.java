package jp.itaku.demo;

import java.time.LocalDate;
import java.util.List;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo rosters: every demo contract gets 5–8 workers with mixed roles; all but one are
 * started (by the lead's recorded override, since no pledge or training is on record in
 * the demo), one stays planned and not ready, one has left; the roster was filed and the
 * departure notified, and one change waits for the next notice. The Kadoma contract,
 * whose clause 2(4) asks for it, has nationalities (encrypted) for the security
 * administrator to look at for a 2(5) purpose.
 */
@Component
@Order(10)
class DemoRosters implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoRosters.class);

	private static final String OVERRIDE = "誓約書・研修記録は紙で確認済み（デモデータ）";

	private final Contracts contracts;

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final DemoActors actors;

	private final WorkingCalendar calendar;

	DemoRosters(Contracts contracts, Rosters rosters, DemoActors actors, WorkingCalendar calendar,
			RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.calendar = calendar;
		this.contracts = contracts;
		this.rosters = rosters;
		this.actors = actors;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = this.actors.of("lead");
		Actor lead2 = this.actors.of("lead2");
		for (Contract contract : this.contracts.list(this.actors.of("officer"))) {
			Actor keeper = contract.getContractorOrganisationId().equals(lead.organisationId()) ? lead : lead2;
			if (!this.rosters.mayEdit(keeper, contract)
					|| !this.rosterReads.membersUnscoped(contract.getId()).isEmpty()) {
				continue;
			}
			seed(keeper, contract);
		}
		log.info("Demo rosters seeded");
	}

	private void seed(Actor lead, Contract contract) {
		boolean nationality = this.rosters.asksNationality(contract);
		LocalDate start = contract.getPeriodStart();
		String site = (contract.getWorkLocations() != null) ? contract.getWorkLocations().lines().findFirst().orElse("")
				: "受託者 本社";
		List<RosterMemberForm> forms = List.of(
				form("受託 太郎", "情報セキュリティ推進室", WorkerRole.SECURITY_LEAD, "情報セキュリティの統括", "受託者 本社", false, false,
						"情報処理安全確保支援士", "自治体向けISMS運用 10年", nationality ? "日本" : null, start),
				form("佐々木 恵", "公共事業部", WorkerRole.WORK_LEAD, "業務の進行管理、委託者との連絡", site, true, true, "プロジェクト管理",
						"住民記録システム保守 5件", nationality ? "日本" : null, start),
				form("山本 健一", "公共事業部 第二課", WorkerRole.DATA_CUSTODIAN, "個人情報の管理、授受の記録", site, true, true, "個人情報保護士",
						"自治体データ移行 3件", nationality ? "日本" : null, start),
				form("中村 由美", "データ入力センター", WorkerRole.WORKER, "申請書の入力と読み合わせ", site, true, false, "日本語ワープロ検定 2級",
						"住民異動届の入力 3年", nationality ? "日本" : null, start),
				form("グエン・ヴァン・アン", "データ入力センター", WorkerRole.WORKER, "申請書の入力", site, true, false, "日本語能力試験 N1",
						"申請書の入力 2年", nationality ? "ベトナム" : null, start),
				form("小林 大輔", "品質管理部", WorkerRole.REVIEWER, "成果物の検査", "受託者 本社", false, false, "品質管理", "入力成果物の検査 8年",
						nationality ? "日本" : null, start),
				form("高橋 直樹", "データ入力センター", WorkerRole.WORKER, "申請書の入力", site, true, false, "個人情報保護研修 修了", "申請書の入力 1年",
						nationality ? "日本" : null, start.plusMonths(1)));
		forms.forEach((form) -> DemoMembers.complete(this.rosters, contract, form));
		List<RosterMember> members = this.rosters.addAll(lead, contract.getId(), forms);
		for (RosterMember member : members.subList(0, members.size() - 1)) {
			this.rosters.activate(lead, member.getId(), OVERRIDE);
		}
		this.rosters.fileNotice(lead, contract.getId());
		// One worker left (the departure is notified), then one change waits for the next
		// notice.
		RosterMember gone = members.get(3);
		LocalDate today = this.calendar.today();
		LocalDate lastDay = start.plusMonths(2).minusDays(1);
		if (lastDay.isAfter(today)) {
			lastDay = today.isBefore(start) ? start : today;
		}
		this.rosters.leave(lead, gone.getId(), lastDay);
		this.rosters.fileNotice(lead, contract.getId());
		RosterMember moved = members.get(1);
		RosterMemberForm change = RosterMemberForm.of(moved);
		change.setWorkLocation("委託者 庁舎内 受託者作業室");
		this.rosters.update(lead, moved.getId(), change);
		// The last worker stays planned: no pledge and no training on record.
	}

	private static RosterMemberForm form(String name, String affiliation, WorkerRole role, String duties,
			String location, boolean personalInformation, boolean handover, @Nullable String expertise,
			@Nullable String trackRecord, @Nullable String nationality, LocalDate start) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation(affiliation);
		form.setRole(role);
		form.setDuties(duties);
		form.setWorkLocation(location);
		form.setHandlesPersonalInformation(personalInformation);
		form.setHandoverPerson(handover);
		form.setExpertise(expertise);
		form.setTrackRecord(trackRecord);
		form.setNationality(nationality);
		form.setPeriodStart(start);
		return form;
	}

}
