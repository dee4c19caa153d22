package jp.itaku.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the catalog once contradicted its source (issue 18, finding 10), each test quotes
 * the source sentence, checks that it is in the source and in the clause's text, and
 * checks that the catalog's condition, trigger or deliverable now says what the sentence
 * says.
 */
class ClauseFidelityTests {

	static final String SETAGAYA_7_EXCEPT_BACKUPS = "受託者は、委託業務で取り扱う情報及び情報資産について、業務上必要なバックアップを取得する場合を除き、区の承認を得ずに複写してはならない。";

	static final String SETAGAYA_7_COPIES_ERASED = "この場合において、委託業務の終了後、受託者は、直ちに複写した電磁的記録の消去及び印刷物の廃棄を行い、使用できない状態にするとともに、消去又は廃棄した日時、担当者及び処理内容を区に報告しなければならない。";

	static final String SETAGAYA_19_BACKUP_METHOD = "また、バックアップの取得前にその手法を区に通知し、承認を得なければならない。";

	static final String SETAGAYA_29_RETURN = "受託者は、委託業務が終了したときは、区より受領した情報及び情報資産を速やかに区に返却しなければならない。";

	static final String SETAGAYA_29_ONLY_IF_IMPOSSIBLE = "また、返却が不可能な場合は、区の了承のもと、バックアップデータを含む電磁的記録の消去及び印刷物の廃棄を行い、使用できない状態にする（電算処理機器を廃棄する場合は復元できない状態にする）とともに、消去又は廃棄した日時、担当者及び処理内容を区に報告しなければならない。";

	static final String SETAGAYA_30 = "受託者は、情報資産の作成業務を終了したときは、直ちに当該情報資産を区があらかじめ指定した職員に引き渡さなければならない。";

	static final String SETAGAYA_10 = "受託者は、委託業務に係る区が運用する情報システムのサーバ等を区庁舎外に設置する場合は、区の承認を得なければならない。";

	static final String SETAGAYA_10_CHECKS = "また、定期的に当該サーバ等への情報セキュリティ対策状況について確認するとともに、区から要請があった場合は、その結果を区に報告しなければならない。";

	static final String GUNMA_13_2 = "乙は、委託業務に不要となった情報資産等があるときは、遅滞なくこれを甲に返還または甲の承認を得た上で廃棄する。";

	static final String NERIMA_21 = "乙は、受託情報の返還または処分を完了したときは、甲にこれを証明する書類を提出しなければならない。";

	static final String NERIMA_22 = "甲は、必要と認めるときは、乙の受託情報の取扱いの状況について、実地に調査し、または乙に対して説明もしくは報告を求め、改善の指示を与えることができる。";

	static final String NERIMA_22_2 = "甲は、第15条および第16条の規定により、再委託または再々委託等が行われる場合は、その受託者における遵守状況について、乙に対して報告または説明を求め、改善の指示を与えることができる。";

	static final String GUNMA_9 = "乙は、甲からの指示が有る場合には、次の各号に定める事項を甲に提出すること。";

	static final String GUNMA_9_I = "情報システムに関するアクセス・イベントのログ（少なくとも過去3ヶ月前まで）";

	static final String GUNMA_15_3 = "乙は、甲から作業内容の検査実施要求、作業の実施に係る指示があった場合は、それらの要求、指示に従わなければならない。";

	private static List<RequirementDefinition> quoted(String code, String seed, String ref, String sentence)
			throws IOException {
		String source = ProfileTestSupport.squash(Files.readString(Path.of("src/test/resources/seeds", seed)));
		assertThat(source).as("the source of " + code).contains(ProfileTestSupport.squash(sentence));
		ClauseDefinition clause = ProfileTestSupport.bundled(code)
			.clauses()
			.stream()
			.filter((c) -> c.ref().equals(ref))
			.findFirst()
			.orElseThrow();
		assertThat(clause.text()).as(code + " " + ref).contains(sentence);
		return clause.requirements();
	}

	private static List<RequirementDefinition> setagaya(String ref, String sentence) throws IOException {
		return quoted("setagaya", "000_4c122c01e805a8ea.txt", ref, sentence);
	}

	@Test
	void setagaya7ExemptsBackupsSoOnlyItsOwnApprovalIsAskedBeforeACopy() throws IOException {
		setagaya("7", SETAGAYA_7_EXCEPT_BACKUPS);
		List<String> copyApprovals = ProfileTestSupport.bundled("setagaya")
			.clauses()
			.stream()
			.filter((clause) -> clause.requirements()
				.stream()
				.anyMatch((r) -> r.trigger().type() == TriggerType.BEFORE_ACTION
						&& r.trigger().action() == GuardedAction.COPY))
			.map(ClauseDefinition::ref)
			.toList();
		assertThat(copyApprovals).containsExactly("7");
	}

	@Test
	void setagaya7sErasureAndReportBindOnlyWhenACopyWasMade() throws IOException {
		assertThat(setagaya("7", SETAGAYA_7_COPIES_ERASED))
			.filteredOn((r) -> r.trigger().type() == TriggerType.CONTRACT_END)
			.hasSize(2)
			.allSatisfy((r) -> assertThat(r.onlyIf()).isEqualTo(EndCondition.COPIES_MADE))
			.anySatisfy((r) -> assertThat(r.deliverable()).isEqualTo(Deliverable.DISPOSAL_REPORT));
	}

	@Test
	void setagaya19sApprovalConcernsTheBackupMethodBeforeBackupsAreTaken() throws IOException {
		assertThat(setagaya("19", SETAGAYA_19_BACKUP_METHOD))
			.filteredOn((r) -> r.kind() == RequirementKind.OBTAIN_APPROVAL)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.trigger().action()).isEqualTo(GuardedAction.BACKUP);
				assertThat(r.contents()).containsExactly(ContentItem.METHOD);
				assertThat(r.deliverable()).isNotEqualTo(Deliverable.COPY_REQUEST);
			});
	}

	@Test
	void setagaya29ReturnsWhatIsStillHeldAndReportsADisposalOnlyWhenReturnIsImpossible() throws IOException {
		assertThat(setagaya("29", SETAGAYA_29_RETURN)).first().satisfies((r) -> {
			assertThat(r.trigger().type()).isEqualTo(TriggerType.CONTRACT_END);
			assertThat(r.deliverable()).isEqualTo(Deliverable.RETURN_RECORD);
			assertThat(r.onlyIf()).isEqualTo(EndCondition.ASSETS_NOT_RETURNED);
			// Where return is impossible, the disposal's report answers the return too.
			assertThat(r.alsoMetBy()).containsExactly(Deliverable.DISPOSAL_REPORT);
		});
		assertThat(setagaya("29", SETAGAYA_29_ONLY_IF_IMPOSSIBLE))
			.filteredOn((r) -> r.trigger().type() == TriggerType.CONTRACT_END)
			.filteredOn((r) -> r.deliverable() != Deliverable.RETURN_RECORD)
			.hasSize(2)
			.allSatisfy((r) -> assertThat(r.onlyIf()).isEqualTo(EndCondition.RETURN_IMPOSSIBLE))
			.anySatisfy((r) -> assertThat(r.deliverable()).isEqualTo(Deliverable.DISPOSAL_REPORT));
	}

	@Test
	void nerima21OwesOneProofOfTheReturnOrTheDisposalNotBoth() throws IOException {
		// 第20条: the ward directs a return or a disposal; 第21条: its proof is submitted.
		// Before, two obligations were planned at the end, one of which could never be
		// met.
		assertThat(quoted("nerima", "003_5faa1566b80232ec.txt", "第21条", NERIMA_21)).singleElement().satisfies((r) -> {
			assertThat(r.trigger().type()).isEqualTo(TriggerType.CONTRACT_END);
			assertThat(r.deliverable()).isEqualTo(Deliverable.RETURN_RECORD);
			assertThat(r.alsoMetBy()).containsExactly(Deliverable.DISPOSAL_REPORT);
		});
	}

	@Test
	void setagaya30IsDueWhenTheWorkOfCreatingAnAssetEndsNotAtContractEnd() throws IOException {
		assertThat(setagaya("30", SETAGAYA_30)).singleElement().satisfies((r) -> {
			assertThat(r.trigger().type()).isEqualTo(TriggerType.ON_EVENT);
			assertThat(r.trigger().event()).isEqualTo(TriggerEvent.ASSET_CREATION_FINISHED);
			assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.IMMEDIATELY);
		});
	}

	@Test
	void setagaya10IsAboutServersOutsideTheWardOfficeAndBindsOnlyContractsThatPlaceThem() throws IOException {
		setagaya("10", SETAGAYA_10_CHECKS);
		List<RequirementDefinition> requirements = setagaya("10", SETAGAYA_10);
		assertThat(requirements).hasSize(3)
			.allSatisfy((r) -> assertThat(r.when()).containsExactly(ContractAttribute.SERVERS_OUTSIDE_CLIENT_PREMISES));
		assertThat(requirements).filteredOn((r) -> r.kind() == RequirementKind.OBTAIN_APPROVAL)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.trigger().action()).isEqualTo(GuardedAction.PLACE_SERVERS_OUTSIDE_CLIENT_PREMISES);
				assertThat(r.deliverable()).isNotEqualTo(Deliverable.WORK_LOCATION_REQUEST);
			});
		assertThat(requirements).filteredOn((r) -> r.trigger().type() == TriggerType.PERIODIC).hasSize(1);
	}

	@Test
	void gunma13_2sAssetsStillHeldAtTheEndAreNoLongerNeededAndGoBack() throws IOException {
		assertThat(quoted("gunma", "004_01834346cbdb98b3.txt", "第13条第2項", GUNMA_13_2))
			.filteredOn((r) -> r.trigger().type() == TriggerType.CONTRACT_END)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.deliverable()).isEqualTo(Deliverable.RETURN_RECORD);
				assertThat(r.onlyIf()).isEqualTo(EndCondition.ASSETS_NOT_RETURNED);
				assertThat(r.deadline().policy()).isEqualTo(DeadlinePolicy.WITHOUT_DELAY);
				// 「返還または甲の承認を得た上で廃棄する」: either act meets it.
				assertThat(r.alsoMetBy()).containsExactly(Deliverable.DISPOSAL_REPORT);
			});
	}

	@Test
	void anotherDeliverableThatMeetsARequirementMustDifferFromItsOwnAndShareItsForm() {
		String profile = """
				code: also-met
				issuer: 試験市
				issuerEn: Test City
				title: 試験
				deadlinePolicies: {IMMEDIATELY: PT1H, PROMPTLY: P3D, WITHOUT_DELAY: P7D}
				clauses:
				  - ref: "1"
				    text: 受託者は、返還し、又は廃棄しなければならない。
				    category: RETURN_AND_DISPOSAL
				    requirements:
				      - kind: IMPLEMENT_CONTROL
				        actor: CONTRACTOR
				        summary: 返還し、又は廃棄する
				        trigger: {type: CONTRACT_END}
				        deliverable: RETURN_RECORD
				        alsoMetBy: [RETURN_RECORD]
				      - kind: IMPLEMENT_CONTROL
				        actor: CONTRACTOR
				        summary: 返還し、又は廃棄する
				        trigger: {type: CONTRACT_END}
				        alsoMetBy: [DISPOSAL_REPORT]
				""";
		assertThatThrownBy(() -> ProfileTestSupport.parser().parse("also-met.yaml", profile, Locale.JAPANESE))
			.isInstanceOf(InvalidProfileException.class)
			.satisfies((ex) -> assertThat(((InvalidProfileException) ex).getErrors()).extracting(ProfileError::field)
				.containsExactly("clauses[0].requirements[0].alsoMetBy", "clauses[0].requirements[1].alsoMetBy"));
	}

	@Test
	void aConditionAtTheEndIsRefusedOnAnyOtherTrigger() {
		String profile = """
				code: only-if
				issuer: 試験市
				issuerEn: Test City
				title: 試験
				deadlinePolicies: {IMMEDIATELY: PT1H, PROMPTLY: P3D, WITHOUT_DELAY: P7D}
				clauses:
				  - ref: "1"
				    text: 受託者は、返却しなければならない。
				    category: RETURN_AND_DISPOSAL
				    requirements:
				      - kind: IMPLEMENT_CONTROL
				        actor: CONTRACTOR
				        summary: 返却する
				        trigger: {type: CONTINUOUS}
				        onlyIf: ASSETS_NOT_RETURNED
				""";
		assertThatThrownBy(() -> ProfileTestSupport.parser().parse("only-if.yaml", profile, Locale.JAPANESE))
			.isInstanceOf(InvalidProfileException.class)
			.satisfies((ex) -> assertThat(((InvalidProfileException) ex).getErrors()).singleElement()
				.satisfies((error) -> {
					assertThat(error.field()).isEqualTo("clauses[0].requirements[0].onlyIf");
					assertThat(error.message()).contains("CONTRACT_END");
				}));
	}

	/**
	 * Returns the requirements of a clause that bind the contractor to deliver a document
	 * when the client asks: what a client's request (報告・資料の請求) raises.
	 */
	private static List<RequirementDefinition> onRequest(List<RequirementDefinition> requirements) {
		return requirements.stream()
			.filter((r) -> r.party() == Party.CONTRACTOR && r.trigger().type() == TriggerType.ON_REQUEST
					&& r.deliverable() != null)
			.toList();
	}

	@Test
	void nerima22LetsTheWardAskTheContractorToReportSoTheContractorReportsWhenAsked() throws IOException {
		assertThat(onRequest(quoted("nerima", "003_5faa1566b80232ec.txt", "第22条", NERIMA_22))).singleElement()
			.satisfies((r) -> {
				assertThat(r.kind()).isEqualTo(RequirementKind.NOTIFY);
				assertThat(r.deliverable()).isEqualTo(Deliverable.STATUS_REPORT);
			});
	}

	@Test
	void nerima22SecondLetsTheWardAskForTheSubcontractorsComplianceWhereWorkIsSubcontracted() throws IOException {
		assertThat(onRequest(quoted("nerima", "003_5faa1566b80232ec.txt", "第22条第2項", NERIMA_22_2))).singleElement()
			.satisfies((r) -> {
				assertThat(r.deliverable()).isEqualTo(Deliverable.SUBCONTRACT_SUPERVISION_REPORT);
				assertThat(r.when()).containsExactly(ContractAttribute.HAS_SUBCONTRACTORS);
			});
	}

	@Test
	void gunma9iAsksForAtLeastThreeMonthsOfLogsSoThreeMonthsAreKept() throws IOException {
		quoted("gunma", "004_01834346cbdb98b3.txt", "第9条", GUNMA_9);
		List<RequirementDefinition> requirements = quoted("gunma", "004_01834346cbdb98b3.txt", "第9条イ", GUNMA_9_I);
		assertThat(onRequest(requirements)).singleElement()
			.satisfies((r) -> assertThat(r.deliverable()).isEqualTo(Deliverable.LOG_SUBMISSION));
		assertThat(requirements).filteredOn((r) -> r.kind() == RequirementKind.KEEP_RECORD)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.deadline().type()).isEqualTo(DeadlineType.RETENTION);
				assertThat(r.deadline().period()).isEqualTo("P3M");
			});
	}

	@Test
	void gunma15ThirdBindsTheContractorToTheInspectionOfTheWorkWhenAsked() throws IOException {
		assertThat(onRequest(quoted("gunma", "004_01834346cbdb98b3.txt", "第15条第3項", GUNMA_15_3))).singleElement()
			.satisfies((r) -> assertThat(r.deliverable()).isEqualTo(Deliverable.AUDIT_MATERIALS));
	}

}
