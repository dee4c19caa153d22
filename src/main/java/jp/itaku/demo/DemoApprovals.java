package jp.itaku.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.itaku.approval.Approval;
import jp.itaku.approval.ApprovalForm;
import jp.itaku.approval.Approvals;
import jp.itaku.approval.DecisionForm;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Demo prior approvals: on the Gunma contract (R8-統計-003) an approved application to work
 * at another place (Gunma 第5条第2項), ending within two weeks so that the dashboard and the
 * reminder show it, and a pending one; on the Setagaya contract a pending application to
 * place the servers in the contractor's data center (Setagaya 10), with its floor plan
 * attached.
 */
@Component
@Order(87)
class DemoApprovals implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoApprovals.class);

	private final Approvals approvals;

	private final Contracts contracts;

	private final DemoActors actors;

	private final Clock clock;

	DemoApprovals(Approvals approvals, Contracts contracts, DemoActors actors, Clock clock) {
		this.approvals = approvals;
		this.contracts = contracts;
		this.actors = actors;
		this.clock = clock;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = demo.lead();
		Actor officer = this.actors.of("officer");
		if (!this.approvals.register(lead, demo.setagaya().getId()).approvals().isEmpty()) {
			return;
		}
		LocalDate today = ItakuTime.today(this.clock);
		Contract gunma = this.contracts.list(lead)
			.stream()
			.filter((c) -> c.getNumber().equals("R8-統計-003"))
			.findFirst()
			.orElse(null);
		if (gunma != null) {
			Approval annex = this.approvals.apply(lead, gunma.getId(), place("受託者 前橋分室（前橋市本町二丁目）",
					"県庁舎の入力室の改修工事の期間、調査票の入力作業を分室で行うため。", today.minusDays(5), today.plusDays(10)), List.of());
			DecisionForm decision = new DecisionForm();
			decision.setConditions("分室の入退室記録を毎週提出すること。調査票の原本は分室に持ち込まないこと。");
			decision.setValidFrom(today.minusDays(5));
			decision.setValidUntil(today.plusDays(10));
			this.approvals.approve(officer, annex.getId(), decision);
			this.approvals.apply(lead, gunma.getId(), place("受託者 高崎事業所（高崎市栄町）", "繁忙期の入力体制を確保するため、高崎事業所の作業者も従事させたい。",
					today.plusDays(14), today.plusDays(60)), List.of());
		}
		ApprovalForm servers = new ApprovalForm();
		servers.setAction(GuardedAction.PLACE_SERVERS_OUTSIDE_CLIENT_PREMISES);
		servers.setReason("住民記録システムの更新に伴い、本番サーバを受託者のデータセンターに設置したい。");
		servers.setLocation("受託者 東京データセンター（東京都江東区、所在地は別紙）");
		servers.setSystems("住民記録システム 本番サーバ2台・バックアップ装置1台");
		servers.setSafeguards("入館は生体認証と事前登録制、ラックは施錠、監視カメラで24時間記録。通信は専用線で暗号化する。");
		servers.setPeriodFrom(today.plusDays(30));
		this.approvals
			.apply(lead, demo.setagaya().getId(), servers, List.of(new Approvals.Upload("データセンター配置図.txt", "text/plain",
					new ByteArrayResource("第3サーバ室 ラック A-12（施錠）\n入館：生体認証＋事前登録\n".getBytes(StandardCharsets.UTF_8)))));
		log.info("Demo approvals applied on {} and R8-統計-003", demo.setagaya().getNumber());
	}

	private static ApprovalForm place(String location, String reason, LocalDate from, LocalDate until) {
		ApprovalForm form = new ApprovalForm();
		form.setAction(GuardedAction.WORK_OUTSIDE_DESIGNATED_SITE);
		form.setReason(reason);
		form.setLocation(location);
		form.setInformation("統計調査票の記入内容（個人情報を含む）");
		form.setPeriodFrom(from);
		form.setPeriodUntil(until);
		return form;
	}

}
