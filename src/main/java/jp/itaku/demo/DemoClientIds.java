package jp.itaku.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.clientid.ClientIds;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.clientid.IdKind;
import jp.itaku.clientid.IssueIdForm;
import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo client-issued IDs on the Kadoma contract (門真市 4(2)–(3)): a work lead still at work
 * and a worker who left last month, each with a verification ID and operator IDs; the
 * departed worker's IDs are left unrevoked, so the finding "active ID for a person no
 * longer active" and the open ID-revocation report show on first start. The two people
 * are added to the roster only if absent.
 */
@Component
@Order(30)
class DemoClientIds implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoClientIds.class);

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final ClientIds ids;

	private final WorkingCalendar calendar;

	private final DemoActors actors;

	DemoClientIds(Rosters rosters, ClientIds ids, WorkingCalendar calendar, DemoActors actors,
			RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.rosters = rosters;
		this.ids = ids;
		this.calendar = calendar;
		this.actors = actors;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract contract = demo.kadoma();
		Actor officer = this.actors.of("officer");
		Actor lead = this.actors.of("lead");
		LocalDate today = this.calendar.today();
		LocalDate start = today.minusMonths(4).withDayOfMonth(1);
		LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);

		RosterMember moriguchi = member(lead, contract, "守口 健一", WorkerRole.WORK_LEAD, start);
		RosterMember neyagawa = member(lead, contract, "寝屋川 さくら", WorkerRole.WORKER, start);
		if (this.ids.register(officer, contract.getId()).members().stream().allMatch((m) -> m.ids().isEmpty())) {
			issue(officer, contract, moriguchi, "KDM-V-1001", start,
					List.of("KDM-OP-2101:住民記録照会（参照のみ）", "KDM-OP-2102:マイナンバーカード交付（交付処理）"));
			if (neyagawa.getStatus() != MemberStatus.LEFT) {
				issue(officer, contract, neyagawa, "KDM-V-1002", start, List.of("KDM-OP-2201:マイナンバーカード交付（受付入力）"));
			}
		}
		// The worker leaves with her IDs still active: the finding and the open report
		// show.
		if (neyagawa.getStatus() == MemberStatus.ACTIVE) {
			this.rosters.leave(lead, neyagawa.getId(), lastMonthEnd);
		}
		log.info("Demo client-issued IDs seeded on {}: one departed worker's IDs await revocation",
				contract.getNumber());
	}

	private RosterMember member(Actor lead, Contract contract, String name, WorkerRole role, LocalDate start) {
		Optional<RosterMember> existing = this.rosterReads.membersUnscoped(contract.getId())
			.stream()
			.filter((m) -> name.equals(m.getName()))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("株式会社みらいデータサービス 窓口運営課");
		form.setRole(role);
		form.setDuties("マイナンバーカード臨時交付窓口の受付・交付");
		form.setWorkLocation("門真市役所 本館1階 臨時交付窓口");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(start);
		RosterMember member = DemoMembers.add(this.rosters, lead, contract, form);
		return this.rosters.activate(lead, member.getId(), "デモ：誓約書・研修の記録は紙で確認済み");
	}

	private void issue(Actor officer, Contract contract, RosterMember member, String verification, LocalDate on,
			List<String> operators) {
		IssueIdForm form = new IssueIdForm();
		form.setMemberId(member.getId());
		form.setKind(IdKind.VERIFICATION);
		form.setValue(verification);
		form.setSystemName("窓口専用端末（生体認証）");
		form.setScopeNote("専用端末へのログイン");
		form.setIssuedOn(on);
		ClientIssuedId parent = this.ids.issue(officer, contract.getId(), form);
		for (String operator : operators) {
			String[] parts = operator.split(":", 2);
			IssueIdForm op = new IssueIdForm();
			op.setMemberId(member.getId());
			op.setKind(IdKind.OPERATOR);
			op.setParentId(parent.getId());
			op.setValue(parts[0]);
			op.setSystemName("住民記録・マイナンバーカード交付システム");
			op.setScopeNote(parts[1]);
			op.setIssuedOn(on);
			this.ids.issue(officer, contract.getId(), op);
		}
	}

}
