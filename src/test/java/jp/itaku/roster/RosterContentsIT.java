package jp.itaku.roster;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The profile's content rules for the written roster (issue 18, must-have 8): a notice
 * whose roster lacks what the contract's clauses ask it to say is refused naming each
 * member and field, nothing is filed and the obligation stays open; the member form marks
 * what the notice will need.
 */
@IntegrationTest
class RosterContentsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	Organisation contractor;

	Actor officer;

	UserAccount leadUser;

	Actor lead;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
	}

	private Contract contract(String profile) {
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, LocalDate.of(2026, 4, 1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("マイナンバーカード交付窓口業務");
		return this.contracts.register(this.officer, form);
	}

	/** A worker with everything the contract's profile asks for. */
	private RosterMemberForm complete(Contract contract, String name, WorkerRole role) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口サービス部");
		form.setRole(role);
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(LocalDate.of(2026, 4, 1));
		return this.fixtures.forNotice(contract, form);
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String text(ItakuProblem.FieldProblem problem) {
		return this.messages.getMessage(problem.messageKey(), problem.arguments(), Locale.JAPANESE);
	}

	private ObligationStatus startRoster(Contract contract) {
		return this.obligationReads.findUnscoped(contract.getId(), Deliverable.ROSTER, "START")
			.stream()
			.findFirst()
			.orElseThrow()
			.getStatus();
	}

	private long filedAudits(Contract contract) {
		return this.jdbc.sql("select count(*) from audit_entry where action = 'ROSTER_NOTICE_FILED' and details like ?")
			.param("%" + contract.getId() + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aKadomaRosterNoticeIsRefusedForAMissingNationalityNamingMemberAndField() throws IOException {
		Contract contract = contract("kadoma");
		this.rosters.add(this.lead, contract.getId(), complete(contract, "門真 一郎", WorkerRole.CONTRACT_LEAD));
		RosterMemberForm form = complete(contract, "守口 健一", WorkerRole.WORK_LEAD);
		form.setNationality(null);
		RosterMember moriguchi = this.rosters.add(this.lead, contract.getId(), form);
		assertThat(startRoster(contract)).isEqualTo(ObligationStatus.OPEN);

		InvalidInputProblem refused = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.rosters.fileNotice(this.lead, contract.getId()));
		assertThat(refused.getFieldProblems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("members[" + moriguchi.getId() + "].nationality");
			assertThat(text(p)).isEqualTo("守口 健一: 国籍が入力されていません。特記事項 2(4) により名簿に記載が必要です。従事者の変更画面で入力してから提出してください。");
		});
		// Nothing filed: no notice, the changes still pending, the obligation still open.
		assertThat(this.rosters.notices(this.officer, contract.getId())).isEmpty();
		assertThat(this.rosters.pendingChanges(this.officer, contract.getId())).hasSize(2);
		assertThat(startRoster(contract)).isEqualTo(ObligationStatus.OPEN);
		assertThat(filedAudits(contract)).isZero();

		// Entered on the worker's form, the same notice is accepted.
		RosterMemberForm corrected = RosterMemberForm.of(moriguchi);
		corrected.setNationality("日本");
		this.rosters.update(this.lead, moriguchi.getId(), corrected);
		RosterNotice notice = this.rosters.fileNotice(this.lead, contract.getId());
		assertThat(notice.getNumber()).isEqualTo(1);
		assertThat(startRoster(contract)).isEqualTo(ObligationStatus.SUBMITTED);
		// The written roster says what 2(4) asks: expertise and track record.
		assertThat(pdfText(notice)).contains("専門性", "実績", "個人情報保護研修 修了", "入力業務 3年");
	}

	private String pdfText(RosterNotice notice) throws IOException {
		try (InputStream in = this.rosters.openNotice(this.officer, notice.getId()).content();
				PDDocument document = Loader.loadPDF(in.readAllBytes())) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
		}
	}

	@Test
	void everyMemberAndEveryMissingFieldIsNamedAndThoseWhoLeftAreNotAsked() {
		Contract contract = contract("kadoma");
		RosterMemberForm bare = complete(contract, "寝屋川 さくら", WorkerRole.WORKER);
		bare.setExpertise(null);
		bare.setTrackRecord(" ");
		RosterMember sakura = this.rosters.add(this.lead, contract.getId(), bare);
		RosterMemberForm noNationality = complete(contract, "大東 次郎", WorkerRole.WORKER);
		noNationality.setNationality("");
		RosterMember jiro = this.rosters.add(this.lead, contract.getId(), noNationality);

		InvalidInputProblem refused = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.rosters.fileNotice(this.lead, contract.getId()));
		assertThat(refused.getFieldProblems()).extracting(ItakuProblem.FieldProblem::field)
			.containsExactlyInAnyOrder("members[" + sakura.getId() + "].expertise",
					"members[" + sakura.getId() + "].trackRecord", "members[" + jiro.getId() + "].nationality");

		// One who left can no longer be changed: the notice does not ask for them.
		this.rosters.leave(this.lead, sakura.getId(), LocalDate.of(2026, 4, 30));
		RosterMemberForm corrected = RosterMemberForm.of(jiro);
		corrected.setNationality("日本");
		this.rosters.update(this.lead, jiro.getId(), corrected);
		assertThat(this.rosters.fileNotice(this.lead, contract.getId()).getNumber()).isEqualTo(1);
	}

	@Test
	void aNerimaRosterNoticeIsRefusedForAMissingPlannedEnd() {
		Contract contract = contract("nerima");
		RosterMemberForm form = complete(contract, "練馬 花子", WorkerRole.WORKER);
		form.setPlannedEnd(null);
		RosterMember hanako = this.rosters.add(this.lead, contract.getId(), form);

		InvalidInputProblem refused = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.rosters.fileNotice(this.lead, contract.getId()));
		assertThat(refused.getFieldProblems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("members[" + hanako.getId() + "].plannedEnd");
			assertThat(text(p)).startsWith("練馬 花子: 従事終了予定日が入力されていません。").contains("第7条");
		});
		assertThat(this.rosters.notices(this.officer, contract.getId())).isEmpty();
		assertThat(startRoster(contract)).isEqualTo(ObligationStatus.OPEN);
	}

	@Test
	void aGunmaRosterWithoutTheWorkScopeIsRefusedAndACompleteRosterIsAccepted() {
		Contract contract = contract("gunma");
		RosterMemberForm form = complete(contract, "前橋 三郎", WorkerRole.WORKER);
		form.setDuties(null);
		RosterMember saburo = this.rosters.add(this.lead, contract.getId(), form);
		InvalidInputProblem refused = catchThrowableOfType(InvalidInputProblem.class,
				() -> this.rosters.fileNotice(this.lead, contract.getId()));
		assertThat(refused.getFieldProblems()).extracting(ItakuProblem.FieldProblem::field)
			.containsExactly("members[" + saburo.getId() + "].duties");

		Contract complete = contract("gunma");
		this.rosters.add(this.lead, complete.getId(), complete(complete, "高崎 四郎", WorkerRole.WORKER));
		this.rosters.add(this.lead, complete.getId(), complete(complete, "桐生 五郎", WorkerRole.REVIEWER));
		assertThat(this.rosters.fileNotice(this.lead, complete.getId()).getNumber()).isEqualTo(1);
		assertThat(startRoster(complete)).isEqualTo(ObligationStatus.SUBMITTED);
	}

	@Test
	void theApiAnswersProblemJsonNamingMemberAndFieldAndThePagesShowItBeforeFiling() throws Exception {
		Contract contract = contract("kadoma");
		RosterMemberForm form = complete(contract, "守口 健一", WorkerRole.WORK_LEAD);
		form.setNationality(null);
		form.setExpertise(null);
		RosterMember moriguchi = this.rosters.add(this.lead, contract.getId(), form);

		this.mvc.perform(post("/api/v1/contracts/" + contract.getId() + "/roster/notices").with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("members[" + moriguchi.getId() + "].expertise"))
			.andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("守口 健一"), containsString("専門性"))))
			.andExpect(jsonPath("$.errors[1].field").value("members[" + moriguchi.getId() + "].nationality"))
			.andExpect(jsonPath("$.errors[1].message").value(allOf(containsString("守口 健一"), containsString("国籍"))));
		this.mvc
			.perform(post("/api/v1/contracts/" + contract.getId() + "/roster/notices").with(as(this.leadUser))
				.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[1].message").value(containsString("守口 健一: Nationality is missing")));

		// The page: refused on filing with the same messages, and shown before it.
		String path = "/contracts/" + contract.getId() + "/roster";
		this.mvc.perform(post(path + "/notices").with(as(this.leadUser)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("actionErrors", hasItem(containsString("守口 健一: 国籍が入力されていません。"))));
		this.mvc.perform(get(path).with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"missing-contents\""), containsString("守口 健一: 専門性が入力されていません。"))));
		assertThat(this.rosters.notices(this.officer, contract.getId())).isEmpty();

		// The member form marks what the notice needs, with the clause.
		this.mvc.perform(get("/roster/" + moriguchi.getId() + "/edit").with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("届出に必要"), containsString("特記事項 2(4)"))));
	}

}
