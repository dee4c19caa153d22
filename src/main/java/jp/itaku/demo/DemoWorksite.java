package jp.itaku.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ScheduleLine;
import jp.itaku.worksite.WorkSchedule;
import jp.itaku.worksite.WorkSchedules;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo work schedules and entry log on the Kadoma contract (門真市 2(2), 14(4)): three
 * roster members (added only when absent), next month's schedule submitted, and an entry
 * log of the last open day with the workers, one visitor and one person off the roster.
 */
@Component
@Order(40)
class DemoWorksite implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoWorksite.class);

	private static final String AFFILIATION = "株式会社みらいデータサービス 窓口運営部";

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final WorkSchedules schedules;

	private final EntryLog entryLog;

	private final AccountSystemReads accountReads;

	private final WorkingCalendar calendar;

	DemoWorksite(Rosters rosters, WorkSchedules schedules, EntryLog entryLog, WorkingCalendar calendar,
			AccountSystemReads accountReads, RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.accountReads = accountReads;
		this.rosters = rosters;
		this.schedules = schedules;
		this.entryLog = entryLog;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		seed(demo.lead(), demo.kadoma());
	}

	private void seed(Actor lead, Contract kadoma) {
		UUID contractId = kadoma.getId();
		member(lead, kadoma, "受託 太郎", WorkerRole.WORK_LEAD, "窓口業務の管理・統括", "lead");
		member(lead, kadoma, "作業 次郎", WorkerRole.WORKER, "交付窓口での本人確認・受付", "worker");
		member(lead, kadoma, "窓口 三恵", WorkerRole.WORKER, "交付窓口での受付・案内", null);
		List<RosterMember> active = this.rosterReads.membersUnscoped(contractId)
			.stream()
			.filter((m) -> m.getStatus() == MemberStatus.ACTIVE)
			.toList();
		LocalDate today = this.calendar.today();
		YearMonth next = YearMonth.from(today).plusMonths(1);
		if (!next.isBefore(YearMonth.from(kadoma.getPeriodStart()))
				&& !next.isAfter(YearMonth.from(kadoma.getPeriodEnd()))
				&& this.schedules.month(lead, contractId, next).versions().isEmpty()) {
			List<ScheduleLine> lines = new ArrayList<>();
			for (LocalDate day = next.atDay(1); !day.isAfter(next.atEndOfMonth()); day = day.plusDays(1)) {
				int i = 0;
				for (RosterMember member : active) {
					if (member.worksOn(day)) {
						String shift = this.calendar.isClosed(day) ? "休" : (i % 3 == 2) ? "早番" : "日勤";
						lines.add(ScheduleLine.grid(member.getId(), day, shift));
					}
					i++;
				}
			}
			this.schedules.save(lead, contractId, next, lines, WorkSchedule.Source.GRID);
			this.schedules.submit(lead, contractId, next);
		}
		LocalDate day = today.minusDays(1);
		while (this.calendar.isClosed(day)) {
			day = day.minusDays(1);
		}
		if (this.entryLog.entries(lead, contractId, day, day).isEmpty()) {
			for (RosterMember member : active) {
				if (member.worksOn(day)) {
					entry(lead, contractId, member.getName(), null, null, false, day, 8, 50, 17, 55);
				}
			}
			entry(lead, contractId, "保守 五郎", "株式会社ひかり保守サービス", "発行端末の定期保守点検", true, day, 13, 0, 14, 10);
			entry(lead, contractId, "応援 六子", "株式会社みらいデータサービス 本社", "窓口応援", false, day, 10, 0, 12, 0);
		}
		log.info("Demo work schedule and entry log seeded on {}", kadoma.getNumber());
	}

	private void member(Actor lead, Contract kadoma, String name, WorkerRole role, String duties,
			@Nullable String username) {
		boolean present = this.rosterReads.membersUnscoped(kadoma.getId())
			.stream()
			.anyMatch((m) -> m.getName().replaceAll("\\s", "").equals(name.replaceAll("\\s", "")));
		if (present) {
			return;
		}
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation(AFFILIATION);
		form.setRole(role);
		form.setDuties(duties);
		form.setWorkLocation("門真市役所 本館1階 マイナンバーカード臨時交付窓口");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(kadoma.getPeriodStart());
		form.setPlannedEnd(kadoma.getPeriodEnd());
		if (username != null) {
			this.accountReads.findByUsernameUnscoped(username).ifPresent((u) -> form.setUserId(u.getId()));
		}
		RosterMember member = DemoMembers.add(this.rosters, lead, kadoma, form);
		this.rosters.activate(lead, member.getId(), "デモ");
	}

	private EntryLogEntry entry(Actor lead, UUID contractId, String name, @Nullable String affiliation,
			@Nullable String purpose, boolean visitor, LocalDate day, int inHour, int inMinute, int outHour,
			int outMinute) {
		EntryForm form = new EntryForm();
		form.setName(name);
		form.setAffiliation(affiliation);
		form.setPurpose(purpose);
		form.setVisitor(visitor);
		form.setArea("本館1階 執務スペース（窓口内側）");
		form.setEnteredAt(day.atTime(inHour, inMinute));
		form.setLeftAt(day.atTime(outHour, outMinute));
		return this.entryLog.record(lead, contractId, form, EntryLogEntry.Source.FORM);
	}

}
