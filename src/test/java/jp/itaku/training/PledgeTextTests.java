package jp.itaku.training;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileTestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pledge's template: which rules of a profile a worker pledges to follow, and the
 * text naming the contract, the worker and the rules with their clause references.
 */
class PledgeTextTests {

	private static final Set<ContractAttribute> PERSONAL = EnumSet.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION);

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("training-labels");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static List<String> refs(List<PledgeText.Rule> rules) {
		return rules.stream().map(PledgeText.Rule::ref).toList();
	}

	@Test
	void setagayasPledgeHoldsConfidentialityPurposeLimitationAndTheRulesItMakesWorkersFollow() throws IOException {
		List<PledgeText.Rule> rules = PledgeText.rules(ProfileTestSupport.bundled("setagaya"), PERSONAL);

		// 1 confidentiality, 5 and 6 purpose limitation, 13 the contractor's rules,
		// 11 badges and 15 IDs and passwords: what each worker must do.
		assertThat(refs(rules)).contains("1", "5", "6", "11", "13", "15(1)", "15(3)", "15(7)");
		// Training is the contractor's duty to give, not the worker's to pledge.
		assertThat(refs(rules)).doesNotContain("16");
		assertThat(rules).extracting(PledgeText.Rule::summary)
			.contains("委託業務により知り得た個人情報その他の情報を、いかなる理由があっても第三者に漏らさない（契約期間満了後も同様）");
	}

	@Test
	void kadomasPledgeHoldsThePoliciesAndConfidentialityNotTheClientsRights() throws IOException {
		List<PledgeText.Rule> rules = PledgeText.rules(ProfileTestSupport.bundled("kadoma"), PERSONAL);

		assertThat(refs(rules)).contains("1(1)", "6(1)", "7(1)ア", "7(1)イ", "14(1)");
		// 1(2)/(3) ask to submit pledges, 1(7) is the city's right: neither is a rule to
		// pledge.
		assertThat(refs(rules)).doesNotContain("1(2)", "1(3)", "1(7)", "5");
	}

	@Test
	void aRuleThatAppliesOnlyInAScopeTheContractDoesNotHaveIsLeftOut() throws IOException {
		ProfileDefinition nerima = ProfileTestSupport.bundled("nerima");
		List<PledgeText.Rule> withPersonal = PledgeText.rules(nerima, PERSONAL);
		List<PledgeText.Rule> without = PledgeText.rules(nerima, EnumSet.noneOf(ContractAttribute.class));

		assertThat(refs(withPersonal)).contains("第11条", "第13条");
		assertThat(refs(withPersonal)).containsAll(refs(without));
		assertThat(nerima.clauses()
			.stream()
			.flatMap((c) -> c.requirements().stream())
			.filter((r) -> !r.when().isEmpty() && !PERSONAL.containsAll(r.when()))
			.map(ProfileDefinition.RequirementDefinition::summary))
			.noneMatch((summary) -> withPersonal.stream().anyMatch((rule) -> rule.summary().equals(summary)));
	}

	@Test
	void theTextNamesTheContractTheWorkerAndEachRuleWithItsClause() throws IOException {
		PledgeText text = PledgeText.compose(messages(),
				new PledgeText.Parties("世田谷区", "株式会社みらいデータサービス", "R8-001", "住民記録システム運用保守", "世田谷区", "情報セキュリティ特記事項",
						"山田 太郎", "運用課"),
				List.of(new PledgeText.Rule("1", "第三者に漏らさない"), new PledgeText.Rule("15(1)", "IDを他人に利用させない")),
				LocalDate.of(2026, 4, 1));

		String body = text.body();
		assertThat(body).startsWith("誓約書\n")
			.contains("（宛先）世田谷区")
			.contains("株式会社みらいデータサービスが世田谷区から受託した「R8-001 住民記録システム運用保守」")
			.contains("1. 第三者に漏らさない（世田谷区 1）")
			.contains("2. IDを他人に利用させない（世田谷区 15(1)）")
			.contains("氏名：山田 太郎")
			.contains("所属：株式会社みらいデータサービス 運用課")
			.contains("誓約日：令和8年4月1日");
		assertThat(text.items()).hasSize(2);
	}

	@Test
	void anAffiliationThatAlreadyNamesTheContractorIsNotPrefixedTwice() {
		PledgeText text = PledgeText.compose(messages(),
				new PledgeText.Parties("甲市", "乙社", "1", "業務", "甲市", "特記事項", "氏名", "乙社 窓口課"), List.of(),
				LocalDate.of(2026, 4, 1));
		assertThat(text.body()).contains("所属：乙社 窓口課\n");
	}

	@Test
	void aProfileWithoutSuchRulesStillGivesAPledgeToItsRules() {
		PledgeText text = PledgeText.compose(messages(),
				new PledgeText.Parties("甲市", "乙社", "1", "業務", "甲市", "特記事項", "氏名", "所属"), List.of(),
				LocalDate.of(2026, 4, 1));
		assertThat(text.items()).singleElement().asString().contains("甲市の「特記事項」");
	}

	@Test
	void thePdfPrintsExactlyTheStoredTextWithASignatureLineAndTheNote() throws IOException {
		String body = PledgeText
			.compose(messages(),
					new PledgeText.Parties("世田谷区", "株式会社みらいデータサービス", "R8-001", "運用保守", "世田谷区", "特記事項", "山田 太郎", "運用課"),
					List.of(new PledgeText.Rule("1", "第三者に漏らさない")), LocalDate.of(2026, 4, 1))
			.body();
		byte[] pdf = PledgeText.pdf(body, "署名", "本人が同意しました");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String printed = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
			assertThat(printed).contains("誓約書", "第三者に漏らさない", "山田 太郎", "署名", "本人が同意しました");
		}
	}

}
