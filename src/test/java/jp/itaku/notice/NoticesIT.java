package jp.itaku.notice;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices and reports against the database: a changed Setagaya document raises the
 * resubmission of that document only, dated from the day it changed; the client's
 * instruction is the client's to record; each side is offered only its own events, no one
 * outside the contract sees or files anything, and bad input names its fields and stores
 * nothing.
 */
@IntegrationTest
class NoticesIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Notices notices;

	@Autowired
	Obligations obligations;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UserAccount officer;

	UserAccount lead;

	UserAccount auditor;

	UserAccount otherLead;

	Organisation contractor;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditor = this.fixtures.user(client, Role.AUDITOR);
		this.lead = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.otherLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
	}

	private Contract contract(String profile) {
		ContractForm form = this.fixtures.contractForm(this.contractor, profile,
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setNumber("N-" + UUID.randomUUID().toString().substring(0, 6));
		return this.contracts.register(this.fixtures.actor(this.officer), form);
	}

	private static NoticeForm form(NoticeKind kind, Deliverable deliverable, LocalDate day, String text) {
		NoticeForm form = new NoticeForm();
		form.setKind(kind);
		form.setDeliverable(deliverable);
		form.setOccurredOn(day);
		form.setDescription(text);
		return form;
	}

	private int stored(Contract contract) {
		return this.jdbc.sql("select count(*) from notice where contract_id = ?")
			.param(contract.getId())
			.query(Integer.class)
			.single();
	}

	@Test
	void aChangedDocumentRaisesItsResubmissionOnlyDatedFromTheChange() {
		Contract setagaya = contract("setagaya");
		LocalDate wednesday = ItakuTime.today(this.clock)
			.minusDays(1)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
		Notices.Filed filed = this.notices.file(this.fixtures.actor(this.lead), setagaya.getId(),
				form(NoticeKind.DOCUMENT_CHANGED, Deliverable.SECURITY_RULES, wednesday, "規程を改定しました。"));
		assertThat(filed.notice().getNumber()).isEqualTo("N-1");
		assertThat(filed.raised()).isNotEmpty();
		assertThat(filed.raised()).extracting(Obligation::getDeliverable).containsOnly(Deliverable.SECURITY_RULES);
		assertThat(filed.raised()).allSatisfy((o) -> {
			assertThat(o.getClauseRef()).startsWith("3");
			assertThat(o.getOccurredOn()).isEqualTo(wednesday);
			assertThat(o.getDueDate()).isAfterOrEqualTo(wednesday);
			assertThat(o.getSource()).isEqualTo("Notice:" + filed.notice().getId());
		});
		Notices.Filed second = this.notices.file(this.fixtures.actor(this.lead), setagaya.getId(),
				form(NoticeKind.VULNERABILITY_FOUND, null, wednesday, "OSの脆弱性が公表されました。"));
		assertThat(second.notice().getNumber()).isEqualTo("N-2");
		assertThat(this.notices.list(this.fixtures.actor(this.officer), setagaya.getId()).notices())
			.extracting(Notice::getNumber)
			.containsExactly("N-2", "N-1");
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'NOTICE_FILED' and target_id = ?")
			.param(filed.notice().getId().toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void eachSideIsOfferedItsOwnEventsAndOutsidersNothing() {
		Contract kadoma = contract("kadoma");
		assertThat(this.notices.list(this.fixtures.actor(this.officer), kadoma.getId()).offer())
			.extracting(Notices.Offered::kind)
			.contains(NoticeKind.CLIENT_INSTRUCTION)
			.allMatch(NoticeKind::filedByClient);
		assertThat(this.notices.list(this.fixtures.actor(this.lead), kadoma.getId()).offer())
			.extracting(Notices.Offered::kind)
			.contains(NoticeKind.SECURITY_PROBLEM, NoticeKind.CREDENTIAL_LEAK_SUSPECTED)
			.noneMatch(NoticeKind::filedByClient);
		LocalDate today = ItakuTime.today(this.clock);
		Notices.Filed instruction = this.notices.file(this.fixtures.actor(this.officer), kadoma.getId(),
				form(NoticeKind.CLIENT_INSTRUCTION, null, today, "画面ロックを3分に短縮してください。"));
		assertThat(instruction.notice().getFiledByName()).isEqualTo(this.officer.getDisplayName());

		assertThatThrownBy(() -> this.notices.file(this.fixtures.actor(this.lead), kadoma.getId(),
				form(NoticeKind.CLIENT_INSTRUCTION, null, today, "指示")))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).extracting(FieldProblem::messageKey)
						.containsExactly("notice.error.kindNotOffered"));
		assertThat(this.notices.list(this.fixtures.actor(this.auditor), kadoma.getId()).offer()).isEmpty();
		assertThatThrownBy(() -> this.notices.file(this.fixtures.actor(this.auditor), kadoma.getId(),
				form(NoticeKind.CLIENT_INSTRUCTION, null, today, "指示")))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.notices.list(this.fixtures.actor(this.otherLead), kadoma.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.notices.file(this.fixtures.actor(this.otherLead), kadoma.getId(),
				form(NoticeKind.SECURITY_PROBLEM, null, today, "問題")))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(stored(kadoma)).isEqualTo(1);
	}

	@Test
	void badInputNamesEveryFieldAndStoresNothing() throws Exception {
		Contract setagaya = contract("setagaya");
		this.mvc
			.perform(post("/api/v1/contracts/" + setagaya.getId() + "/notices")
				.with(authentication(this.fixtures.signedIn(this.lead)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"DOCUMENT_CHANGED\",\"occurredOn\":\"" + ItakuTime.today(this.clock).plusDays(10)
						+ "\",\"description\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItems("deliverable", "occurredOn", "description")));
		this.mvc
			.perform(post("/contracts/" + setagaya.getId() + "/notices")
				.with(authentication(this.fixtures.signedIn(this.lead)))
				.with(csrf())
				.param("kind", "SECURITY_PROBLEM")
				.param("occurredOn", ItakuTime.today(this.clock).toString())
				.param("description", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("内容を入力してください。")));
		assertThat(stored(setagaya)).isZero();
		this.mvc
			.perform(get("/contracts/" + setagaya.getId() + "/notices")
				.with(authentication(this.fixtures.signedIn(this.lead))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提出済み書類の変更")));
		assertThat(List.of(NoticeKind.values())).hasSize(7);
	}

	@Test
	void anAcceptedSetagayaDocumentIsRevisedThroughItsChangeNotice() throws Exception {
		Contract setagaya = contract("setagaya");
		Actor lead = this.fixtures.actor(this.lead);
		Actor officer = this.fixtures.actor(this.officer);
		Obligation first = this.obligations.forContract(lead, setagaya.getId())
			.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.SECURITY_RULES && "START".equals(o.getPeriodKey()))
			.findFirst()
			.orElseThrow();
		this.obligations.review(officer, submit(lead, first).getId(), true, null);
		assertThat(this.obligations.currentDocuments(officer, setagaya.getId()))
			.filteredOn((d) -> d.deliverable() == Deliverable.SECURITY_RULES)
			.singleElement()
			.satisfies((d) -> assertThat(d.version()).isEqualTo(1));

		Notices.Filed filed = this.notices.file(lead, setagaya.getId(), form(NoticeKind.DOCUMENT_CHANGED,
				Deliverable.SECURITY_RULES, ItakuTime.today(this.clock), "第2版に改定しました。"));
		Obligation revision = filed.raised().get(0);
		assertThat(this.obligations.currentDocuments(officer, setagaya.getId()))
			.filteredOn((d) -> d.deliverable() == Deliverable.SECURITY_RULES)
			.singleElement()
			.satisfies((d) -> {
				assertThat(d.version()).isEqualTo(1);
				assertThat(d.revisionPending()).isTrue();
			});
		this.obligations.review(officer, submit(lead, revision).getId(), true, null);
		assertThat(this.obligations.currentDocuments(officer, setagaya.getId()))
			.filteredOn((d) -> d.deliverable() == Deliverable.SECURITY_RULES)
			.singleElement()
			.satisfies((d) -> {
				assertThat(d.version()).isEqualTo(2);
				assertThat(d.obligationId()).isEqualTo(revision.getId());
				assertThat(d.revisionPending()).isFalse();
			});
		assertThat(this.obligations.detail(officer, first.getId()).obligation().getStatus())
			.isEqualTo(ObligationStatus.ACCEPTED);
		this.mvc
			.perform(get("/contracts/" + setagaya.getId() + "/terms")
				.with(authentication(this.fixtures.signedIn(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第2版")));
	}

	private Submission submit(Actor actor, Obligation obligation) {
		return this.obligations.submit(actor, obligation.getId(), "提出します",
				List.of(new Obligations.Upload("rules.pdf", "application/pdf", new ByteArrayResource(
						("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)))));
	}

}
