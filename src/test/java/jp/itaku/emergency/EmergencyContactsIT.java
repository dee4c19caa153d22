package jp.itaku.emergency;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationDetail;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Emergency contacts through the application: the first list goes to the contract-start
 * obligation, a change raises the change obligation at once and the change notice filed
 * to it lists exactly the change; a profile without such requirements raises nothing;
 * confirmation; who may read and who may change, by service, page and API.
 */
@IntegrationTest
class EmergencyContactsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	EmergencyContacts emergency;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	Organisation client;

	Organisation contractor;

	UserAccount leadUser;

	UserAccount officerUser;

	Actor lead;

	Actor officer;

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.officerUser = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		this.officer = this.fixtures.actor(this.officerUser);
	}

	@Test
	void theFirstSubmissionGoesToTheStartObligationWithTheGeneratedList() throws IOException {
		Contract contract = contract("setagaya");
		List<Obligation> start = this.obligationReads.findUnscoped(contract.getId(), Deliverable.EMERGENCY_CONTACTS,
				"START");
		assertThat(start).as("Setagaya 3(2)③ asks for the list at the start").hasSize(1);

		this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0001"), jiro("03-0000-0002")));
		EmergencyContactVersion first = this.emergency.submit(this.lead, contract.getId(), null);

		assertThat(first.getNumber()).isEqualTo(1);
		assertThat(first.getPeriodKey()).isEqualTo("START");
		assertThat(first.getObligations()).isEqualTo(1);
		ObligationDetail detail = this.obligations.detail(this.officer, start.get(0).getId());
		assertThat(detail.status()).isEqualTo(ObligationStatus.SUBMITTED);
		var file = detail.filesOf(detail.submissions().get(0).getId()).get(0);
		assertThat(file.getFileName()).isEqualTo("緊急時連絡先一覧_第1版.pdf");
		String text = text(this.obligations.openFile(this.officer, file.getId()).content());
		assertThat(text)
			.contains("緊急時連絡先一覧", contract.getNumber(), this.contractor.getName(), "受託 太郎", "03-0000-0001", "作業 次郎")
			.doesNotContain("変更届");
		assertThat(this.emergency.overview(this.officer, contract.getId()).unsubmittedChanges()).isFalse();
	}

	@Test
	void aChangeRaisesTheChangeObligationAtOnceAndTheNoticeFiledToItListsExactlyTheChange() throws IOException {
		Contract contract = contract("setagaya");
		this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0001"), jiro("03-0000-0002")));
		this.emergency.submit(this.lead, contract.getId(), null);

		EmergencyContacts.Saved saved = this.emergency.save(this.lead, contract.getId(),
				list(taro("03-0000-0001"), jiro("03-0000-0099")));

		assertThat(saved.raised()).as("Setagaya: resubmit immediately when it changes")
			.singleElement()
			.satisfies((o) -> {
				assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN);
				assertThat(o.getDueDate()).isNotNull();
				assertThat(o.getPeriodKey()).isEqualTo("EC-v2");
			});
		assertThat(this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0001"), jiro("03-0000-0098")))
			.raised()).as("a further edit before filing raises nothing new").isEmpty();
		assertThat(this.emergency.overview(this.lead, contract.getId()).awaiting()).extracting(Obligation::getId)
			.containsExactly(saved.raised().get(0).getId());

		EmergencyContactVersion notice = this.emergency.submit(this.lead, contract.getId(), "第2順位の番号変更");

		assertThat(notice.getNumber()).isEqualTo(2);
		assertThat(notice.getPeriodKey()).isEqualTo("EC-v2");
		ObligationDetail change = this.obligations.detail(this.officer, saved.raised().get(0).getId());
		assertThat(change.status()).isEqualTo(ObligationStatus.SUBMITTED);
		var file = change.filesOf(change.submissions().get(0).getId()).get(0);
		String text = text(this.obligations.openFile(this.officer, file.getId()).content());
		assertThat(text).contains(nfkc("緊急時連絡先一覧（変更届）"), "第1版", "第2順位の番号変更");
		assertThat(occurrences(text, "03-0000-0002")).as("the old number: in the change only").isEqualTo(1);
		assertThat(occurrences(text, "03-0000-0098")).as("the new number: in the change and the list").isEqualTo(2);
		assertThat(occurrences(text, "作業 次郎")).as("the changed person: change and list").isEqualTo(2);
		assertThat(occurrences(text, "受託 太郎")).as("the unchanged person: the list only").isEqualTo(1);
		assertThat(occurrences(text, "変更")).isGreaterThanOrEqualTo(1);
		assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.EMERGENCY_CONTACTS, "START"))
			.singleElement()
			.satisfies((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		assertThat(this.emergency.overview(this.officer, contract.getId()).versions())
			.extracting(EmergencyContactVersion::getNumber)
			.containsExactly(2, 1);
		assertThat(audited(contract, "EMERGENCY_CONTACTS_SUBMITTED")).isEqualTo(2);
	}

	@Test
	void aProfileWithoutTheRequirementRaisesNothingAndKeepsTheVersions() {
		Contract contract = contract("nerima");
		this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0001")));
		EmergencyContactVersion first = this.emergency.submit(this.lead, contract.getId(), null);
		EmergencyContacts.Saved changed = this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0011")));
		EmergencyContactVersion second = this.emergency.submit(this.lead, contract.getId(), null);

		assertThat(first.getObligations()).isZero();
		assertThat(changed.raised()).isEmpty();
		assertThat(second.getNumber()).isEqualTo(2);
		assertThat(second.getObligations()).isZero();
		assertThat(this.emergency.overview(this.officer, contract.getId()).obligations()).isEmpty();
	}

	@Test
	void theLeadConfirmsOnlyASubmittedListAndTheConfirmationIsAudited() {
		Contract contract = contract("kadoma");
		this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0001")));
		assertThat(catchThrowable(() -> this.emergency.confirm(this.lead, contract.getId())))
			.isInstanceOf(InvalidInputProblem.class);
		this.emergency.submit(this.lead, contract.getId(), null);

		EmergencyContactList confirmed = this.emergency.confirm(this.lead, contract.getId());

		assertThat(confirmed.getLastConfirmedAt()).isNotNull();
		assertThat(confirmed.getLastConfirmedBy()).isEqualTo(this.leadUser.getId());
		assertThat(audited(contract, "EMERGENCY_CONTACTS_CONFIRMED")).isEqualTo(1);
		assertThat(this.emergency.overview(this.officer, contract.getId()).confirmationDueOn())
			.isEqualTo(jp.itaku.platform.ItakuTime.today(this.clock).plusMonths(3));
	}

	@Test
	void anotherContractorAnAuditorAndTheClientCannotChangeTheList() throws Exception {
		Contract contract = contract("setagaya");
		this.emergency.save(this.lead, contract.getId(), list(taro("03-0000-0001")));
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount otherLead = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		UserAccount auditor = this.fixtures.user(this.client, Role.AUDITOR);
		UserAccount worker = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		String base = "/contracts/" + contract.getId() + "/emergency-contacts";
		String api = "/api/v1" + base;
		String body = "{\"entries\":[{\"priority\":\"1\",\"name\":\"乗取 太郎\",\"department\":\"他社\",\"phone\":\"03-0000-0666\","
				+ "\"hours\":\"24時間\",\"outOfHours\":true}]}";

		RequestPostProcessor asOther = authentication(this.fixtures.signedIn(otherLead));
		for (String path : List.of(base, base + "/edit", api)) {
			this.mvc.perform(get(path).with(asOther)).andExpect(status().isNotFound());
		}
		this.mvc.perform(put(api).contentType("application/json").content(body).with(asOther))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(api + "/submit").with(asOther)).andExpect(status().isNotFound());
		this.mvc.perform(post(api + "/confirm").with(asOther)).andExpect(status().isNotFound());
		this.mvc.perform(post(base + "/submit").with(csrf()).with(asOther)).andExpect(status().isNotFound());
		assertThat(catchThrowable(() -> this.emergency.overview(this.fixtures.actor(otherLead), contract.getId())))
			.isInstanceOf(NotFoundProblem.class);

		for (UserAccount reader : List.of(auditor, this.officerUser, worker)) {
			RequestPostProcessor as = authentication(this.fixtures.signedIn(reader));
			this.mvc.perform(get(base).with(as))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("受託 太郎")));
			this.mvc.perform(get(api).with(as))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.entries[0].name").value("受託 太郎"));
			this.mvc.perform(get(base + "/edit").with(as)).andExpect(status().isForbidden());
			this.mvc.perform(put(api).contentType("application/json").content(body).with(as))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(api + "/submit").with(as)).andExpect(status().isForbidden());
			this.mvc.perform(post(api + "/confirm").with(as)).andExpect(status().isForbidden());
			assertThat(catchThrowable(() -> this.emergency.save(this.fixtures.actor(reader), contract.getId(),
					list(taro("03-0000-0002")))))
				.isInstanceOf(AccessDeniedProblem.class);
		}
		assertThat(this.emergency.overview(this.officer, contract.getId()).list().getEntries())
			.extracting(EmergencyContact::getPhone)
			.containsExactly("03-0000-0001");
	}

	@Test
	void theLeadEditsSubmitsAndConfirmsThroughTheApiAndFaultsNameTheLineInJapanese() throws Exception {
		Contract contract = contract("setagaya");
		String api = "/api/v1/contracts/" + contract.getId() + "/emergency-contacts";
		RequestPostProcessor asLead = authentication(this.fixtures.signedIn(this.leadUser));

		this.mvc
			.perform(put(api).contentType("application/json")
				.content("{\"entries\":[{\"priority\":\"1\",\"name\":\"受託 太郎\",\"department\":\"運用部\","
						+ "\"phone\":\"03-000-0001\",\"hours\":\"平日 9:00〜17:45\",\"outOfHours\":false}]}")
				.with(asLead))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'entries[0].phone')].message")
				.value("1行目：電話番号「03-000-0001」は国内の電話番号の形式ではありません（例：03-0000-0000、0120-000-000、090-0000-0000）。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'entries')].message").isNotEmpty());

		this.mvc
			.perform(put(api).contentType("application/json")
				.content("{\"entries\":[{\"priority\":\"1\",\"name\":\"受託 太郎\",\"department\":\"運用部\","
						+ "\"mobile\":\"090-0000-0001\",\"hours\":\"24時間\",\"outOfHours\":true}]}")
				.with(asLead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].mobile").value("090-0000-0001"))
			.andExpect(jsonPath("$.unsubmittedChanges").value(true));
		this.mvc.perform(post(api + "/submit").contentType("application/json").content("{}").with(asLead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(1))
			.andExpect(jsonPath("$.obligations").value(1));
		this.mvc.perform(post(api + "/confirm").with(asLead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lastConfirmedAt").isNotEmpty())
			.andExpect(jsonPath("$.confirmationDue").value(false));
		this.mvc.perform(get("/contracts/" + contract.getId() + "/emergency-contacts/versions/1.pdf").with(asLead))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		assertThat(audited(contract, "EMERGENCY_CONTACTS_VERSION_VIEWED")).isEqualTo(1);
	}

	private Contract contract(String profile) {
		LocalDate start = jp.itaku.platform.ItakuTime.today(this.clock).minusDays(10);
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, start, Set.of());
		form.setNumber("EC-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("住民記録システム運用保守業務委託");
		Contract contract = this.contracts.register(this.officer, form);
		this.contracts.activate(this.officer, contract.getId());
		return contract;
	}

	private long audited(Contract contract, String action) {
		return this.jdbc.sql("select count(*) from audit_entry where action = :action and target_id = :id")
			.param("action", action)
			.param("id", contract.getId().toString())
			.query(Long.class)
			.single();
	}

	static EmergencyContactListForm list(EmergencyContactInput... lines) {
		EmergencyContactListForm form = new EmergencyContactListForm();
		form.setEntries(new java.util.ArrayList<>(List.of(lines)));
		return form;
	}

	static EmergencyContactInput taro(String phone) {
		EmergencyContactInput line = EmergencyContactRulesTests.line("1", "受託 太郎", phone, "090-0000-0001", "24時間",
				true);
		line.setJobTitle("統括責任者");
		return line;
	}

	static EmergencyContactInput jiro(String phone) {
		return EmergencyContactRulesTests.line("2", "作業 次郎", phone, null, "平日 9:00〜17:45", false);
	}

	private static String text(InputStream pdf) throws IOException {
		try (InputStream in = pdf; PDDocument document = Loader.loadPDF(in.readAllBytes())) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
		}
	}

	private static String nfkc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	private static int occurrences(String text, String what) {
		String needle = Normalizer.normalize(what, Normalizer.Form.NFKC);
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
			count++;
		}
		return count;
	}

}
