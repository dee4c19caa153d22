package jp.itaku.roster;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileTestSupport;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one table from the catalog's content items to a roster member's fields, read from
 * the four bundled profiles and checked against their clause texts (which are verbatim
 * from the sources, see {@code ClauseFidelityTests}).
 */
class RosterContentsTests {

	private static final Set<ContractAttribute> PERSONAL = Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION);

	private static String text(ProfileDefinition profile, String ref) {
		return profile.clauses().stream().filter((c) -> c.ref().equals(ref)).findFirst().orElseThrow().text();
	}

	private static RosterContents of(String code, Set<ContractAttribute> scope) throws IOException {
		return RosterContents.of(ProfileTestSupport.bundled(code), scope);
	}

	@Test
	void kadomaAsksForNameAffiliationExpertiseTrackRecordAndNationalityUnder2_4() throws IOException {
		ProfileDefinition kadoma = ProfileTestSupport.bundled("kadoma");
		assertThat(text(kadoma, "2(4)")).contains("氏名、所属、専門性、実績及び国籍を示した名簿を提出すること");
		RosterContents contents = RosterContents.of(kadoma, Set.of());
		assertThat(contents.fields()).containsExactly(RosterContents.Field.NAME, RosterContents.Field.AFFILIATION,
				RosterContents.Field.EXPERTISE, RosterContents.Field.TRACK_RECORD, RosterContents.Field.NATIONALITY);
		assertThat(contents.clauses()).containsExactly("2(4)");
	}

	@Test
	void nerimaAsksForThePlannedEndUnder7OnlyWhenPersonalInformationIsHandled() throws IOException {
		ProfileDefinition nerima = ProfileTestSupport.bundled("nerima");
		assertThat(text(nerima, "第7条")).contains("個人情報を取り扱う場合は", "従事期間（開始日および終了予定日）");
		RosterContents contents = RosterContents.of(nerima, PERSONAL);
		assertThat(contents.fields()).contains(RosterContents.Field.PERIOD_START, RosterContents.Field.PLANNED_END);
		assertThat(contents.clauses()).contains("第7条");
		assertThat(of("nerima", Set.of()).fields()).isEmpty();
	}

	@Test
	void setagayaAsksForTheWorkLocationUnder3_2() throws IOException {
		ProfileDefinition setagaya = ProfileTestSupport.bundled("setagaya");
		assertThat(text(setagaya, "3(2)①")).contains("業務執行場所");
		RosterContents contents = RosterContents.of(setagaya, Set.of());
		assertThat(contents.fields()).contains(RosterContents.Field.WORK_LOCATION, RosterContents.Field.ROLE)
			.doesNotContain(RosterContents.Field.EXPERTISE, RosterContents.Field.PLANNED_END);
		assertThat(contents.clauses()).containsExactly("3(2)①");
		assertThat(of("setagaya", PERSONAL).clauses()).containsExactly("3(2)①", "3(2)②");
	}

	@Test
	void gunmaAsksForTheWorkScopeUnder4() throws IOException {
		ProfileDefinition gunma = ProfileTestSupport.bundled("gunma");
		assertThat(text(gunma, "第4条")).contains("業務の履行を行う作業者及び作業範囲を定め");
		assertThat(RosterContents.of(gunma, Set.of()).fields()).containsExactly(RosterContents.Field.NAME,
				RosterContents.Field.DUTIES);
	}

	@Test
	void everyContentItemOfABundledRosterRequirementHasAMemberField() throws IOException {
		for (String code : List.of("setagaya", "kadoma", "nerima", "gunma")) {
			ProfileTestSupport.bundled(code)
				.clauses()
				.stream()
				.flatMap((c) -> c.requirements().stream())
				.filter((r) -> r.deliverable() == Deliverable.ROSTER)
				.flatMap((r) -> r.contents().stream())
				.forEach((item) -> assertThat(RosterContents.fieldsOf(item)).as(code + " " + item).isNotEmpty());
		}
	}

	@Test
	void missingNamesEachMemberStillOnTheRosterAndEachField() throws IOException {
		RosterContents kadoma = of("kadoma", PERSONAL);
		RosterMember complete = member("門真 一郎", "情報処理安全確保支援士", "窓口業務 5年", true);
		RosterMember lacking = member("守口 健一", null, "窓口業務 2年", false);
		RosterMember left = member("寝屋川 さくら", null, null, false);
		left.leave(LocalDate.of(2026, 4, 30), Instant.EPOCH);

		List<FieldProblem> missing = kadoma.missing(List.of(complete, lacking, left));

		assertThat(missing).extracting(FieldProblem::field)
			.containsExactly("members[" + lacking.getId() + "].expertise",
					"members[" + lacking.getId() + "].nationality");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("roster-labels");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage(missing.get(0).messageKey(), missing.get(0).arguments(), Locale.JAPANESE))
			.isEqualTo("守口 健一: 専門性が入力されていません。特記事項 2(4) により名簿に記載が必要です。従事者の変更画面で入力してから提出してください。");
		assertThat(messages.getMessage(missing.get(1).messageKey(), missing.get(1).arguments(), Locale.ENGLISH))
			.startsWith("守口 健一: Nationality is missing. Clause 2(4) of the contract's profile requires it");
	}

	private static RosterMember member(String name, String expertise, String trackRecord, boolean nationality) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口サービス部");
		form.setRole(WorkerRole.WORKER);
		form.setExpertise(expertise);
		form.setTrackRecord(trackRecord);
		form.setPeriodStart(LocalDate.of(2026, 4, 1));
		RosterMember member = new RosterMember(UUID.randomUUID(), UUID.randomUUID(), form, Instant.EPOCH);
		if (nationality) {
			member.nationality("ciphertext", Instant.EPOCH);
		}
		return member;
	}

}
