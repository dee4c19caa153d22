package jp.itaku.selfinspection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.ProfileTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typical items of a self-inspection cite the clause that demands them, as the source
 * says it (issue 18, finding 10): the screen lock Setagaya 14, not 12's locker; the
 * take-outs Nerima 第18条⑴⑵ (approval and register), not ⑶ (encryption), and Gunma 第13条第4項
 * (approval), not 第5項 (measures in transit). And Setagaya 10's check of servers outside
 * the ward office is asked only where the contract places them.
 */
class ChecklistCitationTests {

	static final String SETAGAYA_12 = "受託者は、委託業務で使用するパソコン等の盗難を防止するため、当該パソコン等をセキュリティワイヤーで固定し、又は従事者が業務執行場所を離れる間において施錠可能なロッカー等に収納させるなどの措置を講じなければならない。";

	static final String SETAGAYA_14 = "パソコン等により情報及び情報資産を使用する場合は、第三者に使用され、又は閲覧されることがないように、離席時にパスワードロック又はログオフ等を行わなければならない。";

	static final String NERIMA_18_1 = "重要情報を甲が指定する履行場所から持ち出さないこと。";

	static final String NERIMA_18_2 = "受託業務で利用する記録媒体を持ち出すときは、格納情報、持ち出し日時、持ち出した者、承認者、用途、持ち出し先、返却日時、返却確認者等について、管理簿により記録・管理すること。";

	static final String GUNMA_13_4 = "乙は、甲から提供された委託業務に必要な情報資産を甲の書面による事前の承認なくして複製せず、本件業務の作業場所から持ち出さない。";

	private static List<Question> checklist(String code, Set<ContractAttribute> attributes) throws IOException {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("selfinspection-labels");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return Checklist.questions(ProfileTestSupport.bundled(code), attributes, messages);
	}

	private static String typical(List<Question> questions, TypicalItem item) {
		return questions.stream()
			.filter((q) -> q.key().equals("T:" + item.name()))
			.findFirst()
			.map(Question::ref)
			.orElseThrow();
	}

	private static void inSource(String seed, String... sentences) throws IOException {
		String source = ProfileTestSupport.squash(Files.readString(Path.of("src/test/resources/seeds", seed)));
		for (String sentence : sentences) {
			assertThat(source).contains(ProfileTestSupport.squash(sentence));
		}
	}

	@Test
	void theScreenLockIsSetagaya14NotTheLockerOf12() throws IOException {
		inSource("000_4c122c01e805a8ea.txt", SETAGAYA_12, SETAGAYA_14);
		assertThat(TypicalItem.LOCK_SCREEN.matches("離席時にパスワードロック又はログオフ等を行う")).isTrue();
		assertThat(TypicalItem.LOCK_SCREEN.matches("離席中の施錠可能なロッカー等への収納")).isFalse();
		assertThat(typical(checklist("setagaya", Set.of()), TypicalItem.LOCK_SCREEN)).isEqualTo("14");
	}

	@Test
	void takeOutsAreNerima18Items1And2AndGunma13Paragraph4() throws IOException {
		inSource("003_5faa1566b80232ec.txt", NERIMA_18_1, NERIMA_18_2);
		inSource("004_01834346cbdb98b3.txt", GUNMA_13_4);
		assertThat(typical(checklist("nerima", EnumSet.allOf(ContractAttribute.class)), TypicalItem.TAKE_OUTS_RECORDED))
			.isEqualTo("第18条⑴、第18条⑵");
		assertThat(typical(checklist("gunma", EnumSet.allOf(ContractAttribute.class)), TypicalItem.TAKE_OUTS_RECORDED))
			.isEqualTo("第13条第4項");
	}

	@Test
	void setagaya10sServerCheckIsAskedOnlyWhereTheContractPlacesServersOutsideTheWardOffice() throws IOException {
		assertThat(checklist("setagaya", Set.of())).extracting(Question::ref).doesNotContain("10");
		assertThat(checklist("setagaya", Set.of(ContractAttribute.SERVERS_OUTSIDE_CLIENT_PREMISES)))
			.extracting(Question::ref)
			.contains("10");
	}

}
