package jp.itaku.asset;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.AssetForm;
import jp.itaku.catalog.AssetScope;
import jp.itaku.catalog.ContentItem;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileTestSupport;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of asset requests and shipments: what each type of request needs, the order
 * of its steps with maker and checker apart, and the measures the shipped clause profiles
 * demand before sending or taking out an asset, each with its clause.
 */
class AssetRequestTests {

	private static final UUID MAKER = UUID.randomUUID();

	private static final UUID CHECKER = UUID.randomUUID();

	private static final UUID CLIENT = UUID.randomUUID();

	private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

	private static final Set<ContractAttribute> PERSONAL = EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION);

	private static final AssetClauses.Facts IMPORTANT_MEDIUM = new AssetClauses.Facts(
			EnumSet.of(AssetScope.IMPORTANT_INFORMATION), AssetForm.ELECTRONIC_MEDIUM);

	private static final AssetClauses.Facts PLAIN_MEDIUM = new AssetClauses.Facts(EnumSet.noneOf(AssetScope.class),
			AssetForm.ELECTRONIC_MEDIUM);

	private static final AssetClauses.Facts IMPORTANT_PAPER = new AssetClauses.Facts(
			EnumSet.of(AssetScope.IMPORTANT_INFORMATION), AssetForm.PAPER_DOCUMENT);

	@Test
	void eachTypeOfRequestNamesTheFieldsItNeeds() {
		AssetRequestForm form = new AssetRequestForm();
		assertThat(form.problems()).extracting(FieldProblem::field).containsExactly("type");
		form.setType(RequestType.TAKE_OUT);
		assertThat(form.problems()).extracting(FieldProblem::field)
			.containsExactly("purpose", "plannedStart", "assetIds", "destination", "plannedEnd", "personId");
		form.setPlannedStart(LocalDateTime.of(2026, 11, 20, 10, 0));
		form.setPlannedEnd(LocalDateTime.of(2026, 11, 20, 9, 0));
		assertThat(form.problems()).extracting(FieldProblem::messageKey)
			.contains("asset.request.error.plannedEnd.order");
		form.setType(RequestType.COPY);
		form.setAssetIds(List.of(UUID.randomUUID(), UUID.randomUUID()));
		assertThat(form.problems()).extracting(FieldProblem::messageKey)
			.containsExactly("asset.request.error.purpose", "asset.request.error.copy.oneAsset",
					"asset.request.error.copies");
		form.setType(RequestType.DISPOSAL);
		form.setPurpose("不要になったため");
		form.setMethod(DisposalMethod.HAND_DELIVERY);
		assertThat(form.problems()).extracting(FieldProblem::field).containsExactly("method");
		form.setMethod(DisposalMethod.SHREDDING);
		assertThat(form.problems()).isEmpty();
		form.setType(RequestType.RETURN);
		assertThat(form.problems()).extracting(FieldProblem::field).containsExactly("method");
		form.setType(RequestType.BRING_IN);
		assertThat(form.problems()).extracting(FieldProblem::field)
			.containsExactly("itemDescription", "itemKind", "destination", "plannedEnd", "personId");
	}

	@Test
	void nothingHappensBeforeTheClientApprovesAndTheApplicantCannotApprove() {
		AssetRequest takeOut = request(RequestType.TAKE_OUT, null);
		assertThatThrownBy(() -> takeOut.start(NOW, "持出 太郎")).isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.transition.notApproved"));
		assertThatThrownBy(() -> takeOut.approve(client(MAKER, "申請者"), null, false, null, null, NOW))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.makerChecker"));
		takeOut.approve(client(CHECKER, "委託 花子"), null, false, null, null, NOW);
		assertThatThrownBy(() -> takeOut.approve(client(CHECKER, "委託 花子"), null, false, null, null, NOW))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.transition.decide"));
		assertThatThrownBy(takeOut::withdraw)
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.transition.withdraw"));
		takeOut.start(NOW, "持出 太郎");
		assertThat(takeOut.isOverdue(NOW.plusSeconds(3 * 3600))).isTrue();
		assertThatThrownBy(() -> takeOut.finish(NOW.minusSeconds(60), "確認 者"))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.beforeStart"));
		takeOut.finish(NOW.plusSeconds(3600), "確認 者");
		assertThat(takeOut.getStatus()).isEqualTo(RequestStatus.COMPLETED);
		assertThat(takeOut.isOverdue(NOW.plusSeconds(3 * 3600))).isFalse();
	}

	@Test
	void aThirdPartyNeedsExplicitApprovalAndAWitnessComesBeforeTheReport() {
		AssetRequest disposal = request(RequestType.DISPOSAL, "株式会社セキュア廃棄センター");
		assertThatThrownBy(() -> disposal.approve(client(CHECKER, "委託 花子"), null, false, null, null, NOW))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.thirdPartyApproval"));
		UUID witness = UUID.randomUUID();
		disposal.approve(client(CHECKER, "委託 花子"), null, true, witness, "情報 守", NOW);
		assertThat(disposal.isThirdPartyApproved()).isTrue();
		assertThatThrownBy(() -> disposal.report(NOW, "山本 健一", "破砕", null))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.witnessFirst"));
		assertThatThrownBy(() -> disposal.witnessed(CHECKER, NOW, null))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.notWitness"));
		disposal.witnessed(witness, NOW, "破砕を確認");
		disposal.report(NOW, "山本 健一", "破砕", null);
		assertThat(disposal.getStatus()).isEqualTo(RequestStatus.COMPLETED);

		AssetRequest copy = request(RequestType.COPY, null);
		assertThatThrownBy(() -> copy.approve(client(CHECKER, "委託 花子"), null, false, witness, "情報 守", NOW))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.witnessOnlyDisposal"));
		assertThatThrownBy(() -> copy.reject(client(CHECKER, "委託 花子"), " ", NOW))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.error.rejectReason"));
	}

	@Test
	void aReturnIsCompleteOnlyOnceTheClientConfirmsReceipt() {
		AssetRequest ret = request(RequestType.RETURN, null);
		ret.approve(client(CHECKER, "委託 花子"), null, false, null, null, NOW);
		assertThatThrownBy(() -> ret.confirmReturn(CHECKER, NOW))
			.satisfies((ex) -> assertThat(key(ex)).isEqualTo("asset.request.transition.notReported"));
		ret.report(NOW, "山本 健一", "窓口で手渡し", "区民情報課 山田 一郎");
		assertThat(ret.getStatus()).isEqualTo(RequestStatus.REPORTED);
		ret.confirmReturn(CHECKER, NOW);
		assertThat(ret.getStatus()).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	void nerimaDemandsATrackableWayAndEncryptionForImportantMediaButNotForPlainOnes() throws Exception {
		ProfileDefinition nerima = ProfileTestSupport.bundled("nerima");
		List<AssetClauses.Demand> demands = AssetClauses.demands(nerima, PERSONAL, GuardedAction.SHIPMENT,
				IMPORTANT_MEDIUM);
		assertThat(demands).extracting(AssetClauses.Demand::clauseRef, AssetClauses.Demand::measure)
			.contains(org.assertj.core.groups.Tuple.tuple("第17条⑶", ContentItem.TRACKED_MAIL),
					org.assertj.core.groups.Tuple.tuple("第17条⑵", ContentItem.ENCRYPTION));
		assertThat(AssetClauses.demands(nerima, PERSONAL, GuardedAction.SHIPMENT, PLAIN_MEDIUM))
			.extracting(AssetClauses.Demand::measure)
			.doesNotContain(ContentItem.TRACKED_MAIL);

		ShipmentForm shipment = new ShipmentForm();
		shipment.setMethod(ShipmentMethod.ORDINARY_MAIL);
		assertThat(AssetClauses.shipmentProblems(demands, shipment)).extracting(FieldProblem::field)
			.containsExactly("encrypted", "method");
		shipment.setMethod(ShipmentMethod.TRACKED_MAIL);
		shipment.setPasswordProtected(true);
		assertThat(AssetClauses.shipmentProblems(demands, shipment)).isEmpty();
	}

	@Test
	void setagayaDemandsALockedContainerForImportantInformationButNoEncryptionOfPaper() throws Exception {
		ProfileDefinition setagaya = ProfileTestSupport.bundled("setagaya");
		assertThat(AssetClauses.demands(setagaya, PERSONAL, GuardedAction.SHIPMENT, IMPORTANT_PAPER))
			.extracting(AssetClauses.Demand::measure)
			.containsExactly(ContentItem.LOCKED_CONTAINER);
		assertThat(AssetClauses.demands(setagaya, PERSONAL, GuardedAction.SHIPMENT, IMPORTANT_MEDIUM))
			.extracting(AssetClauses.Demand::measure)
			.containsExactlyInAnyOrder(ContentItem.ENCRYPTION, ContentItem.LOCKED_CONTAINER);
	}

	@Test
	void requirementsLimitedToImportantInformationConcernOnlySuchAssets() throws Exception {
		ProfileDefinition nerima = ProfileTestSupport.bundled("nerima");
		var takeOutApproval = nerima.clauses()
			.stream()
			.filter((c) -> c.ref().equals("第18条⑴"))
			.findFirst()
			.orElseThrow()
			.requirements()
			.get(0);
		assertThat(AssetClauses.concerns(takeOutApproval, IMPORTANT_MEDIUM)).isTrue();
		assertThat(AssetClauses.concerns(takeOutApproval, PLAIN_MEDIUM)).isFalse();
		assertThat(AssetClauses.concernsAny(List.of(PLAIN_MEDIUM, IMPORTANT_PAPER)).test(takeOutApproval)).isTrue();
	}

	private static AssetRequest request(RequestType type, String thirdParty) {
		AssetRequestForm form = new AssetRequestForm();
		form.setType(type);
		form.setPurpose("業務のため");
		form.setPlannedStart(LocalDateTime.of(2026, 11, 20, 9, 0));
		form.setPlannedEnd(LocalDateTime.of(2026, 11, 20, 11, 0));
		form.setThirdParty(thirdParty);
		form.setMethod((type == RequestType.RETURN) ? DisposalMethod.HAND_DELIVERY : DisposalMethod.SHREDDING);
		form.setCopies(1);
		return new AssetRequest(UUID.randomUUID(), UUID.randomUUID(), ReceiptNumber.next("申", 2026, 0), form, "持出 太郎",
				MAKER, NOW);
	}

	private static String key(Throwable ex) {
		return ((InvalidInputProblem) ex).getFieldProblems().get(0).messageKey();
	}

	private static Actor client(UUID userId, String name) {
		return new Actor(userId, "user-" + userId, name, CLIENT, "委託者", OrganisationKind.CLIENT, Role.CLIENT_OFFICER);
	}

}
