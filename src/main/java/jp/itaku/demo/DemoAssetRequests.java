package jp.itaku.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jp.itaku.approval.Approval;
import jp.itaku.approval.ApprovalForm;
import jp.itaku.approval.Approvals;
import jp.itaku.approval.DecisionForm;
import jp.itaku.asset.AssetBackups;
import jp.itaku.asset.AssetEvent;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetOverviews;
import jp.itaku.asset.AssetReceipt;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.AssetRequest;
import jp.itaku.asset.AssetRequestForm;
import jp.itaku.asset.AssetRequests;
import jp.itaku.asset.AssetShipments;
import jp.itaku.asset.AssetStepForm;
import jp.itaku.asset.BackupForm;
import jp.itaku.asset.DisposalMethod;
import jp.itaku.asset.RequestType;
import jp.itaku.asset.ShipmentForm;
import jp.itaku.asset.ShipmentMethod;
import jp.itaku.asset.ShipmentRecipient;
import jp.itaku.asset.StorageLocation;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.roster.RosterMember;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo life of the information assets after receipt (世田谷区 7, 8, 29–31; 練馬区 17): on the
 * Setagaya contract an approved copy made, a take-out past its planned return (it shows
 * on the dashboards), a completed disposal with its certificate, a disposal by a third
 * party awaiting the officer's approval and operational backups awaiting approval; on the
 * Nerima contract a medium received and sent back by recorded delivery, and another
 * carried to a third party under the client's prior approval (第14条).
 */
@Component
@Order(65)
class DemoAssetRequests implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoAssetRequests.class);

	private final AssetRegister register;

	private final AssetRequests requests;

	private final AssetShipments shipments;

	private final AssetBackups backups;

	private final AssetOverviews overviews;

	private final DemoAssets assets;

	private final DemoActors actors;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final Approvals approvals;

	DemoAssetRequests(AssetRegister register, AssetRequests requests, AssetShipments shipments, AssetBackups backups,
			AssetOverviews overviews, DemoAssets assets, DemoActors actors, WorkingCalendar calendar, Clock clock,
			Approvals approvals) {
		this.approvals = approvals;
		this.clock = clock;
		this.register = register;
		this.requests = requests;
		this.shipments = shipments;
		this.backups = backups;
		this.overviews = overviews;
		this.assets = assets;
		this.actors = actors;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = demo.lead();
		Contract setagaya = demo.setagaya();
		if (!this.register.mayRecord(lead, setagaya)
				|| !this.overviews.overview(lead, setagaya.getId()).requests().isEmpty()) {
			return;
		}
		List<AssetRegister.Entry> entries = this.register.register(lead, setagaya.getId()).entries();
		if (entries.size() < 3) {
			return;
		}
		Actor officer = this.actors.of("officer");
		List<RosterMember> people = this.register.people(lead, setagaya.getId());
		RosterMember person = people.get(0);
		LocalDateTime now = ItakuTime.inTokyo(Instant.now(this.clock))
			.toLocalDateTime()
			.truncatedTo(ChronoUnit.MINUTES);
		LocalDate yesterday = this.calendar.today().minusDays(1);
		UUID forms = find(entries, AssetKind.PAPER);
		UUID manual = find(entries, AssetKind.SYSTEM_DOCUMENT);
		UUID usb = find(entries, AssetKind.ELECTRONIC_MEDIUM);

		// An approved copy of the USB medium, made.
		AssetRequestForm copy = form(RequestType.COPY, "区の指示による住民データの二次点検用の複製", now.minusHours(2), usb);
		copy.setCopies(1);
		AssetRequest copyRequest = this.requests.request(lead, setagaya.getId(), copy);
		this.requests.approve(officer, copyRequest.getId(), comment("点検終了後、速やかに消去してください。"));
		// each act is recorded at the minute it follows its approval in (never the minute
		// before, should the seeding cross one)
		UUID copied = this.requests.recordCopy(lead, copyRequest.getId(), step(justNow(), person.getId())).getId();

		// A take-out of the paper forms, out since yesterday and past its planned return.
		AssetRequestForm takeOut = form(RequestType.TAKE_OUT, "区役所での記載内容の照合", yesterday.atTime(9, 0), forms);
		takeOut.setDestination("世田谷区役所 第2庁舎 区民情報課");
		takeOut.setPlannedEnd(yesterday.atTime(17, 0));
		takeOut.setPersonId(person.getId());
		takeOut.setLockedContainer(true);
		AssetRequest out = this.requests.request(lead, setagaya.getId(), takeOut);
		this.requests.approve(officer, out.getId(), new AssetStepForm());
		this.requests.start(lead, out.getId(), step(yesterday.atTime(9, 10), null));

		// A disposal of the procedure manual, approved and done: the certificate is
		// issued.
		AssetRequestForm disposal = form(RequestType.DISPOSAL, "入力要領の改訂により旧版が不要になったため", now, manual);
		disposal.setMethod(DisposalMethod.SHREDDING);
		AssetRequest disposed = this.requests.request(lead, setagaya.getId(), disposal);
		this.requests.approve(officer, disposed.getId(), new AssetStepForm());
		AssetStepForm report = step(justNow(), person.getId());
		report.setDetail("クロスカット方式のシュレッダーで裁断し、裁断片を溶解処理に回した");
		this.requests.report(lead, disposed.getId(), report);

		// A disposal of the copy by a third party, awaiting the officer's approval.
		AssetRequestForm thirdParty = form(RequestType.DISPOSAL, "二次点検の終了により複製物が不要になったため", now.plusDays(3), copied);
		thirdParty.setMethod(DisposalMethod.PHYSICAL_DESTRUCTION);
		thirdParty.setThirdParty("株式会社セキュア廃棄センター（東京都品川区）");
		this.requests.request(lead, setagaya.getId(), thirdParty);

		// Operational backups, declared and awaiting approval.
		BackupForm backup = new BackupForm();
		backup.setDescription("入力システムのデータベース（日次の全体バックアップ）");
		backup.setStorage("受託者データセンター内 バックアップ装置（施錠ラック）");
		backup.setRetention("7世代（7日分）");
		this.backups.declareBackups(lead, setagaya.getId(), backup);

		shipOnNerima(demo, now);
		log.info("Demo asset requests, a take-out past its return and a shipment seeded");
	}

	private void shipOnNerima(DemoContractsSeeded demo, LocalDateTime now) {
		Contract nerima = demo.nerima();
		Actor lead2 = demo.lead2();
		if (!this.register.mayRecord(lead2, nerima)) {
			return;
		}
		RosterMember receiver = this.assets.receiver(lead2, nerima);
		AssetReceipt receipt = this.assets.receive(lead2, nerima, receiver, now.minusDays(3).withHour(10),
				"練馬区 区民部 主事 鈴木 次郎", DemoAssets.item(AssetKind.ELECTRONIC_MEDIUM, "課税資料 暗号化DVD-R", 1, true, true, false,
						StorageLocation.SAFE, "受託者作業室 金庫"));
		UUID dvd = this.register.itemsOf(lead2, receipt.getId()).get(0).getAssetId();
		ShipmentForm form = new ShipmentForm();
		form.setAssetId(dvd);
		form.setMethod(ShipmentMethod.TRACKED_MAIL);
		form.setTrackingNumber("1234-5678-9012");
		form.setEncrypted(true);
		form.setConfidential(true);
		form.setDestination("練馬区役所 区民部 税務課");
		form.setRecipient("鈴木 次郎");
		form.setRecipientKind(ShipmentRecipient.CLIENT);
		form.setShippedAt(now.minusDays(1).withHour(11));
		form.setSenderId(receiver.getId());
		this.shipments.ship(lead2, nerima.getId(), form);
		shipToApprovedThirdParty(demo, receiver, now);
	}

	/**
	 * On the Nerima contract, giving information to a third party (第14条) under the
	 * client's prior approval: the lead applies, the officer approves for two months, and
	 * the medium is shipped to that party under the approval, which the shipment register
	 * names.
	 */
	private void shipToApprovedThirdParty(DemoContractsSeeded demo, RosterMember sender, LocalDateTime now) {
		Contract nerima = demo.nerima();
		Actor lead2 = demo.lead2();
		if (this.approvals.acts(lead2, nerima.getId())
			.stream()
			.noneMatch((a) -> a.action() == GuardedAction.THIRD_PARTY_PROVISION)) {
			return;
		}
		LocalDate today = now.toLocalDate();
		ApprovalForm application = new ApprovalForm();
		application.setAction(GuardedAction.THIRD_PARTY_PROVISION);
		application.setReason("課税資料の券面印刷を、区が指定した印刷事業者に委ねるため。");
		application.setThirdParty("株式会社ねりま印刷");
		application.setSafeguards("印刷室は入退室管理と施錠、作業後はデータを消去し消去証明を提出する。");
		application.setPurpose("納税通知書の券面印刷");
		application.setPeriodFrom(today);
		application.setPeriodUntil(today.plusMonths(2));
		application.setInformation("納税通知書の印字データ（氏名・住所・税額）");
		Approval approval = this.approvals.apply(lead2, nerima.getId(), application, List.of());
		DecisionForm decision = new DecisionForm();
		decision.setConditions("印刷後のデータ消去証明を受託者経由で提出すること。");
		decision.setValidFrom(today);
		decision.setValidUntil(today.plusMonths(2));
		this.approvals.approve(this.actors.of("officer"), approval.getId(), decision);
		AssetReceipt receipt = this.assets.receive(lead2, nerima, sender, now.minusDays(2).withHour(10),
				"練馬区 区民部 主事 鈴木 次郎", DemoAssets.item(AssetKind.ELECTRONIC_MEDIUM, "納税通知書 印字データ 暗号化DVD-R", 1, true, true,
						false, StorageLocation.SAFE, "受託者作業室 金庫"));
		ShipmentForm form = new ShipmentForm();
		form.setAssetId(this.register.itemsOf(lead2, receipt.getId()).get(0).getAssetId());
		form.setMethod(ShipmentMethod.HAND_CARRY);
		form.setEncrypted(true);
		form.setLockedContainer(true);
		form.setConfidential(true);
		form.setDestination("株式会社ねりま印刷 練馬工場");
		form.setRecipient("株式会社ねりま印刷");
		form.setRecipientKind(ShipmentRecipient.THIRD_PARTY);
		form.setApprovalId(approval.getId());
		// Shipped now, on the approval's first day: an hour earlier would fall on the day
		// before it in the first hour after midnight, and the seed would fail then.
		form.setShippedAt(now);
		form.setSenderId(sender.getId());
		this.shipments.ship(lead2, nerima.getId(), form);
	}

	private static UUID find(List<AssetRegister.Entry> entries, AssetKind kind) {
		return entries.stream()
			.filter((e) -> e.current().getKind() == kind && e.current().getStatus() == AssetEvent.Status.IN_CUSTODY)
			.map((e) -> e.asset().getId())
			.findFirst()
			.orElseThrow();
	}

	private static AssetRequestForm form(RequestType type, String purpose, LocalDateTime plannedStart,
			UUID... assetIds) {
		AssetRequestForm form = new AssetRequestForm();
		form.setType(type);
		form.setPurpose(purpose);
		form.setPlannedStart(plannedStart);
		form.setAssetIds(List.of(assetIds));
		return form;
	}

	private LocalDateTime justNow() {
		return ItakuTime.inTokyo(Instant.now(this.clock)).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
	}

	private static AssetStepForm step(LocalDateTime at, @Nullable UUID person) {
		AssetStepForm step = new AssetStepForm();
		step.setAt(at);
		step.setPersonId(person);
		return step;
	}

	private static AssetStepForm comment(String comment) {
		AssetStepForm step = new AssetStepForm();
		step.setComment(comment);
		return step;
	}

}
