package jp.itaku.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jp.itaku.asset.AssetItemForm;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetReceipt;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.StorageLocation;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.platform.Actor;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo information assets on the Setagaya contract (世田谷区 26): two receipts, paper
 * application forms and an encrypted USB medium with personal information, each with its
 * custody receipt (預かり証) submitted. The receiver is an active handover person on the
 * roster (one is added when there is none).
 */
@Component
@Order(60)
class DemoAssets implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(DemoAssets.class);

	private final AssetRegister register;

	private final Rosters rosters;

	private final WorkingCalendar calendar;

	DemoAssets(AssetRegister register, Rosters rosters, WorkingCalendar calendar) {
		this.register = register;
		this.rosters = rosters;
		this.calendar = calendar;
	}

	@Override
	public void seed(DemoContractsSeeded demo) {
		Actor lead = demo.lead();
		Contract setagaya = demo.setagaya();
		if (!this.register.mayRecord(lead, setagaya)
				|| !this.register.register(lead, setagaya.getId()).receipts().isEmpty()) {
			return;
		}
		RosterMember receiver = receiver(lead, setagaya);
		LocalDate today = this.calendar.today();
		// Both in the past: two weeks ago (not before the contract's start) and
		// yesterday.
		LocalDate second = today.minusDays(1);
		LocalDate first = today.minusDays(14);
		if (first.isBefore(setagaya.getPeriodStart())) {
			first = setagaya.getPeriodStart().isAfter(second) ? second : setagaya.getPeriodStart();
		}
		receive(lead, setagaya, receiver, first.atTime(10, 0), "世田谷区 区民情報課 主任 山田 一郎",
				item(AssetKind.PAPER, "住民異動届 申請書（原本）", 120, true, true, false, StorageLocation.LOCKED_CABINET,
						"受託者作業室 キャビネットA"),
				item(AssetKind.SYSTEM_DOCUMENT, "入力要領・画面操作手順書", 1, true, false, false, StorageLocation.LOCKED_CABINET,
						"受託者作業室 キャビネットA"));
		receive(lead, setagaya, receiver, second.atTime(15, 30), "世田谷区 区民情報課 係長 佐藤 花子",
				item(AssetKind.ELECTRONIC_MEDIUM, "暗号化USBメモリ（住民データ抽出分、パスワード別送）", 1, true, true, false,
						StorageLocation.SAFE, "受託者作業室"));
		log.info("Demo information assets seeded on {}", setagaya.getNumber());
	}

	AssetReceipt receive(Actor lead, Contract contract, RosterMember receiver, LocalDateTime at, String by,
			AssetItemForm... items) {
		ReceiptForm form = new ReceiptForm();
		form.setReceivedAt(at);
		form.setReceiverId(receiver.getId());
		form.setHandedOverBy(by);
		form.setItems(List.of(items));
		return this.register.receive(lead, contract.getId(), form);
	}

	static AssetItemForm item(AssetKind kind, String description, int quantity, boolean important, boolean personal,
			boolean myNumber, StorageLocation storage, String detail) {
		AssetItemForm item = new AssetItemForm();
		item.setKind(kind);
		item.setDescription(description);
		item.setQuantity(quantity);
		item.setImportant(important);
		item.setPersonal(personal);
		item.setMyNumber(myNumber);
		item.setStorage(storage);
		item.setStorageDetail(detail);
		return item;
	}

	RosterMember receiver(Actor lead, Contract contract) {
		List<RosterMember> receivers = this.register.receivers(lead, contract.getId());
		if (!receivers.isEmpty()) {
			return receivers.get(0);
		}
		RosterMemberForm form = new RosterMemberForm();
		form.setName("授受 担当");
		form.setAffiliation("公共事業部");
		form.setRole(WorkerRole.DATA_CUSTODIAN);
		form.setDuties("区との情報資産の授受と保管");
		form.setWorkLocation("受託者作業室");
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(true);
		form.setPeriodStart(contract.getPeriodStart());
		RosterMember member = DemoMembers.add(this.rosters, lead, contract, form);
		RosterMember active = this.rosters.activate(lead, member.getId(), "デモ");
		if (active.getStatus() != MemberStatus.ACTIVE) {
			throw new IllegalStateException("demo receiver not active");
		}
		return active;
	}

}
