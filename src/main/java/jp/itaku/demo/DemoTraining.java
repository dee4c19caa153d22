package jp.itaku.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.platform.Actor;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.training.AttendanceResult;
import jp.itaku.training.Pledge;
import jp.itaku.training.Pledges;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingSessionForm;
import jp.itaku.training.Trainings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo pledges and training on the Kadoma contract (pledges and prior training are what
 * Kadoma 1(2) and 5 ask): a lead who is ready and started, a worker who attended the
 * training but has not yet acknowledged the pledge addressed to the demo account
 * {@code worker}, a worker started by the lead's recorded override, a past training
 * session and a past drill. Roster members are added only when the roster is empty (the
 * roster's own demo data may have filled it).
 */
@Component
@Order(20)
class DemoTraining implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

	private static final String CONTRACT = "R8-戸籍-014";

	private final Contracts contracts;

	private final Rosters rosters;

	private final RosterSystemReads rosterReads;

	private final Pledges pledges;

	private final Trainings trainings;

	private final ObligationSystemReads obligationReads;

	private final AccountSystemReads accountReads;

	private final DemoActors actors;

	private final WorkingCalendar calendar;

	DemoTraining(Contracts contracts, Rosters rosters, Pledges pledges, Trainings trainings, DemoActors actors,
			WorkingCalendar calendar, AccountSystemReads accountReads, RosterSystemReads rosterReads,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.rosterReads = rosterReads;
		this.accountReads = accountReads;
		this.contracts = contracts;
		this.rosters = rosters;
		this.pledges = pledges;
		this.trainings = trainings;
		this.actors = actors;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Contract contract = this.contracts.list(this.actors.of("officer"))
			.stream()
			.filter((c) -> CONTRACT.equals(c.getNumber()))
			.findFirst()
			.orElse(null);
		if (contract == null) {
			return;
		}
		Actor lead = this.actors.of("lead");
		UUID workerId = this.accountReads.findByUsernameUnscoped("worker").orElseThrow().getId();
		LocalDate today = this.calendar.today();
		LocalDate start = contract.getPeriodStart().isBefore(today) ? contract.getPeriodStart() : today;

		List<RosterMember> members = this.rosterReads.membersUnscoped(contract.getId());
		List<RosterMember> mine = new ArrayList<>();
		RosterMember chief = null;
		RosterMember clerk = null;
		if (members.isEmpty()) {
			chief = add(lead, contract, "受託 太郎", WorkerRole.WORK_LEAD, "窓口業務の統括", lead.userId(), start);
			clerk = add(lead, contract, "窓口 三子", WorkerRole.WORKER, "申請受付・本人確認", null, start);
			mine.add(chief);
			mine.add(clerk);
		}
		RosterMember worker = members.stream()
			.filter((m) -> workerId.equals(m.getUserId()))
			.findFirst()
			.orElseGet(() -> add(lead, contract, "作業 次郎", WorkerRole.WORKER, "申請書の受付と入力", workerId, start));
		mine.add(worker);

		// Pledges: the lead's and the clerk's signed on paper, the worker's awaiting the
		// worker's own acknowledgement (sign in as worker).
		LocalDate pledged = earliest(start, today.minusDays(45));
		for (RosterMember member : mine) {
			if (member == worker) {
				continue;
			}
			Pledge pledge = this.pledges.generate(lead, member.getId(), pledged);
			this.pledges.uploadSigned(lead, pledge.getId(), pledged, "誓約書_署名済み.pdf", "application/pdf",
					new ByteArrayInputStream(scan(member)));
		}
		this.pledges.generate(lead, worker.getId(), today);

		// A training session and a drill, both held.
		TrainingSessionForm training = new TrainingSessionForm();
		training.setKind(SessionKind.TRAINING);
		training.setHeldOn(earliest(start, today.minusDays(40)));
		training.setContent("門真市情報セキュリティポリシー・特記仕様書の遵守事項、個人情報・特定個人情報の適正な取扱い、本人確認書類の取扱い、照合ID・操作者IDの管理");
		training.setTrainer("受託 太郎（業務責任者）");
		training.setResult("確認テストを実施。全員が理解度80%以上。");
		training.setResults(results(chief, AttendanceResult.COMPLETED, worker, AttendanceResult.ATTENDED, clerk,
				AttendanceResult.ABSENT));
		this.trainings.record(lead, contract.getId(), training, null);

		TrainingSessionForm drill = new TrainingSessionForm();
		drill.setKind(SessionKind.DRILL);
		drill.setHeldOn(earliest(start, today.minusDays(10)));
		drill.setContent("事故発生時の報告手順（市への直ちの報告、記録、証拠保全）の確認");
		drill.setScenario("窓口で受け付けた申請書類1件の所在が不明になったとの想定");
		drill.setTrainer("受託 太郎（業務責任者）");
		drill.setResult("発見から市への第一報まで25分。連絡先一覧の掲示場所が分かりにくかった。");
		drill.setImprovements("緊急連絡先一覧を各窓口端末の横に掲示する。次回は休日当番を含めて実施する。");
		drill.setResults(results(chief, AttendanceResult.ATTENDED, worker, AttendanceResult.ATTENDED, null, null));
		this.trainings.record(lead, contract.getId(), drill, null);

		// The lead is ready and starts; the clerk (not trained) starts only by override.
		if (chief != null) {
			this.rosters.activate(lead, chief.getId(), null);
			submitPledge(lead, contract, chief);
		}
		if (clerk != null) {
			this.rosters.activate(lead, clerk.getId(), "研修は次回（来週）受講予定。受講までは業務責任者が同席して従事させる。");
		}
		log.info("Demo pledges, training and a drill seeded");
	}

	private void submitPledge(Actor lead, Contract contract, RosterMember member) {
		List<Obligation> open = this.obligationReads.findUnscoped(contract.getId(), Deliverable.PLEDGE, "START")
			.stream()
			.filter((o) -> o.getStatus() == ObligationStatus.OPEN)
			.toList();
		Pledge signed = this.pledges.ofContract(lead, contract.getId())
			.stream()
			.filter((p) -> p.getMemberId().equals(member.getId()) && p.isSigned())
			.findFirst()
			.orElse(null);
		if (!open.isEmpty() && signed != null) {
			this.pledges.submit(lead, signed.getId(), open.get(0).getId());
		}
	}

	private static Map<String, AttendanceResult> results(@Nullable RosterMember a, AttendanceResult ra, RosterMember b,
			AttendanceResult rb, @Nullable RosterMember c, @Nullable AttendanceResult rc) {
		Map<String, AttendanceResult> results = new LinkedHashMap<>();
		if (a != null) {
			results.put(a.getId().toString(), ra);
		}
		if (b != null) {
			results.put(b.getId().toString(), rb);
		}
		if (c != null) {
			results.put(c.getId().toString(), rc);
		}
		return results;
	}

	private RosterMember add(Actor lead, Contract contract, String name, WorkerRole role, String duties,
			@Nullable UUID userId, LocalDate start) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口サービス部");
		form.setRole(role);
		form.setDuties(duties);
		form.setWorkLocation("門真市役所 本館1階 臨時交付窓口");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(start);
		form.setPlannedEnd(contract.getPeriodEnd());
		form.setUserId(userId);
		return DemoMembers.add(this.rosters, lead, contract, form);
	}

	private static LocalDate earliest(LocalDate start, LocalDate day) {
		return day.isBefore(start) ? start : day;
	}

	private static byte[] scan(RosterMember member) {
		return ("%PDF-1.4\n% Itaku demo: signed pledge of " + member.getId() + "\n%%EOF\n")
			.getBytes(StandardCharsets.UTF_8);
	}

}
