package jp.itaku.asset;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.roster.MemberStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the asset register: custody receipt numbers, what an item and a receipt
 * need, and who may receive and hold assets.
 */
class AssetRulesTests {

	private static final UUID CONTRACT = UUID.randomUUID();

	@Test
	void receiptNumbersCountPerYearWithFourDigits() {
		assertThat(ReceiptNumber.next("預", 2026, 0).text()).isEqualTo("預-2026-0001");
		assertThat(ReceiptNumber.next("預", 2026, 41).text()).isEqualTo("預-2026-0042");
		assertThat(ReceiptNumber.next("預", 2027, 12345).text()).isEqualTo("預-2027-12346");
		assertThatThrownBy(() -> new ReceiptNumber("預", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anItemNeedsKindDescriptionQuantityAndStorageNamingEachField() {
		AssetItemForm item = new AssetItemForm();
		item.setQuantity(0);
		item.setStorage(null);
		assertThat(item.problems("items[2].")).extracting(FieldProblem::field)
			.containsExactly("items[2].kind", "items[2].description", "items[2].quantity", "items[2].storage");
		item.setKind(AssetKind.PAPER);
		item.setDescription("申請書");
		item.setQuantity(3);
		item.setStorage(StorageLocation.OTHER);
		assertThat(item.problems("")).extracting(FieldProblem::field).containsExactly("storageDetail");
		item.setStorageDetail("書庫");
		assertThat(item.problems("")).isEmpty();
		item.setDescription("あ".repeat(AssetItemForm.DESCRIPTION_MAX + 1));
		assertThat(item.problems("")).extracting(FieldProblem::messageKey)
			.containsExactly("asset.error.description.tooLong");
	}

	@Test
	void myNumberIsAlwaysPersonalInformation() {
		AssetItemForm item = new AssetItemForm();
		item.setMyNumber(true);
		assertThat(item.holdsPersonalInformation()).isTrue();
		item.setMyNumber(false);
		assertThat(item.holdsPersonalInformation()).isFalse();
	}

	@Test
	void aReceiptIgnoresBlankRowsButNeedsAtLeastOneItem() {
		ReceiptForm form = new ReceiptForm();
		assertThat(form.problems()).extracting(FieldProblem::field)
			.containsExactly("receivedAt", "receiverId", "handedOverBy", "items");
		form.setReceivedAt(LocalDateTime.of(2026, 11, 20, 10, 0));
		form.setReceiverId(UUID.randomUUID());
		form.setHandedOverBy(" 区民情報課 山田 ");
		AssetItemForm paper = new AssetItemForm();
		paper.setKind(AssetKind.PAPER);
		paper.setDescription("申請書");
		paper.setStorage(StorageLocation.LOCKED_CABINET);
		form.setItems(List.of(new AssetItemForm(), paper, new AssetItemForm()));
		assertThat(form.problems()).isEmpty();
		assertThat(form.enteredItems()).containsExactly(paper);
		paper.setStorage(null);
		assertThat(form.problems()).extracting(FieldProblem::field).containsExactly("items[1].storage");
	}

	@Test
	void theReceiverMustBeAnActiveHandoverPersonOfTheContract() {
		ReceiverRule.requireReceiver(CONTRACT, new ReceiverRule.Person(CONTRACT, "山本", MemberStatus.ACTIVE, true));
		assertThatThrownBy(() -> ReceiverRule.requireReceiver(CONTRACT,
				new ReceiverRule.Person(CONTRACT, "中村", MemberStatus.ACTIVE, false)))
			.isInstanceOfSatisfying(InvalidInputProblem.class, (p) -> {
				assertThat(p.getFieldProblems()).singleElement().satisfies((f) -> {
					assertThat(f.field()).isEqualTo("receiverId");
					assertThat(f.messageKey()).isEqualTo("asset.error.receiver.notHandover");
				});
			});
		assertThatThrownBy(() -> ReceiverRule.requireReceiver(CONTRACT,
				new ReceiverRule.Person(CONTRACT, "高橋", MemberStatus.PLANNED, true)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).singleElement()
						.extracting(FieldProblem::messageKey)
						.isEqualTo("asset.error.receiver.notActive"));
		assertThatThrownBy(() -> ReceiverRule.requireReceiver(CONTRACT,
				new ReceiverRule.Person(UUID.randomUUID(), "他契約", MemberStatus.ACTIVE, true)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).singleElement()
						.extracting(FieldProblem::messageKey)
						.isEqualTo("asset.error.receiver.notOnRoster"));
		assertThatThrownBy(() -> ReceiverRule.requireHolder(CONTRACT, "items[0].holderId",
				new ReceiverRule.Person(CONTRACT, "退任者", MemberStatus.LEFT, true)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).singleElement()
						.extracting(FieldProblem::field)
						.isEqualTo("items[0].holderId"));
	}

	@Test
	void aCorrectionNeedsAReason() {
		CorrectionForm form = new CorrectionForm();
		form.setKind(AssetKind.DATA);
		form.setDescription("抽出データ");
		form.setStorage(StorageLocation.SERVER);
		assertThat(form.problems("")).extracting(FieldProblem::field).containsExactly("reason");
		form.setReason("数量の誤り");
		assertThat(form.problems("")).isEmpty();
	}

}
