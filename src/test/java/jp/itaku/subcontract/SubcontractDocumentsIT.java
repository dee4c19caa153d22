package jp.itaku.subcontract;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.approval.ApprovalSource;
import jp.itaku.approval.Approvals;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Subcontract applications carry the subcontractor's own documents the profile lists
 * (issue 19, must-have 4; Setagaya 4: the item-3 documents), through the HTTP layer: the
 * application is refused while one is missing, naming it and the clause; with the four it
 * is filed, each file with its SHA-256 in the application PDF and the approvals register;
 * the client sees them before deciding; after approval the subcontractor's lead revises a
 * document (the earlier version is kept) and its roster in the roster module, and the
 * client sees what changed and when; another contractor's lead sees nothing.
 */
@IntegrationTest
class SubcontractDocumentsIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	Approvals approvals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Test
	void aSetagayaSubcontractApplicationWithTheFourDocumentsAttachedTheSubcontractorRevisesItsRosterAfterApproval()
			throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation sub = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		UserAccount officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount subLeadUser = this.fixtures.user(sub, Role.CONTRACTOR_LEAD);
		UserAccount otherLeadUser = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		Actor officer = this.fixtures.actor(officerUser);
		LocalDate start = ItakuTime.today(this.clock).minusMonths(1);
		Contract contract = this.contracts.register(officer, this.fixtures.contractForm(contractor, "setagaya", start,
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));
		String apply = "/api/v1/contracts/" + contract.getId() + "/subcontracts";

		// The form asks for the four documents the profile lists, each with its clause.
		this.mvc.perform(get("/contracts/{id}/subcontracts/new", contract.getId()).with(as(leadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"document-SECURITY_RULES\"")))
			.andExpect(content().string(containsString("name=\"document-EMERGENCY_CONTACTS\"")))
			.andExpect(content().string(containsString("特記事項 4")));

		// Three of four: refused, naming the missing document and the clause; nothing
		// stored.
		this.mvc
			.perform(application(apply, sub).file(file("document-SECURITY_RULES", "情報セキュリティ規程.pdf"))
				.file(file("document-ROSTER", "従事者名簿.xlsx"))
				.file(file("document-IMPLEMENTATION_SCHEDULE", "作業工程表.pdf"))
				.with(as(leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("document-EMERGENCY_CONTACTS"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("緊急時連絡先")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("特記事項 4")));
		// On the page, the same refusal in Japanese.
		this.mvc
			.perform(multipart("/contracts/{id}/subcontracts", contract.getId())
				.file(file("document-SECURITY_RULES", "規程.pdf"))
				.params(SubcontractDocumentsIT.formParams(sub))
				.with(as(leadUser))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("特記事項 4 により、再委託の申請には再受託者のこの書類が必要です")));
		assertThat(count("select count(*) from subcontract where contract_id = ?", contract.getId())).isZero();
		assertThat(count("select count(*) from subcontractor_document where contract_id = ?", contract.getId()))
			.isZero();

		// With the four (the schedule in two files): filed.
		String body = this.mvc
			.perform(application(apply, sub).file(file("document-SECURITY_RULES", "情報セキュリティ規程.pdf"))
				.file(file("document-ROSTER", "従事者名簿.pdf"))
				.file(file("document-IMPLEMENTATION_SCHEDULE", "作業工程表.pdf"))
				.file(file("document-IMPLEMENTATION_SCHEDULE", "作業スケジュール.pdf"))
				.file(file("document-EMERGENCY_CONTACTS", "緊急連絡体制.pdf"))
				.with(as(leadUser)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.id"));

		// The client sees them before deciding, each file with its hash.
		this.mvc.perform(get("/api/v1/subcontracts/{id}/documents", id).with(as(officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.documents", hasSize(4)))
			.andExpect(jsonPath("$.documents[?(@.type == 'IMPLEMENTATION_SCHEDULE')].versions[0].files[1].sha256")
				.exists())
			.andExpect(jsonPath("$.mayRevise").value(false));
		this.mvc.perform(get("/subcontracts/{id}/documents", id).with(as(officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("緊急連絡体制.pdf")));
		String hash = this.jdbc.sql(
				"select sha256 from subcontractor_document where subcontract_id = ? and deliverable = 'SECURITY_RULES'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(hash).hasSize(64);
		// In the application PDF and the approvals register entry.
		byte[] pdf = this.mvc.perform(get("/subcontracts/{id}/application.pdf", id).with(as(officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(pdf)).contains("情報セキュリティ規程.pdf").contains(hash);
		List<ApprovalSource.Document> registered = this.approvals.register(officer, contract.getId())
			.others()
			.get(0)
			.documents();
		assertThat(registered).hasSize(5).anySatisfy((d) -> assertThat(d.sha256()).isEqualTo(hash));
		// Another contractor's lead sees nothing.
		this.mvc.perform(get("/api/v1/subcontracts/{id}/documents", id).with(as(otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/subcontracts/{id}/documents", id).with(as(otherLeadUser)))
			.andExpect(status().isNotFound());
		// Before approval the subcontractor revises nothing.
		this.mvc.perform(revision(id, "EMERGENCY_CONTACTS").with(as(subLeadUser))).andExpect(status().isNotFound());

		this.mvc.perform(post("/api/v1/subcontracts/{id}/approve", id).with(as(officerUser)))
			.andExpect(status().isOk());

		// After approval, its lead revises its emergency contacts: version 2, version 1
		// kept.
		this.mvc.perform(revision(id, "EMERGENCY_CONTACTS").with(as(subLeadUser))).andExpect(status().isCreated());
		// The roster is kept in the roster module now.
		this.mvc.perform(revision(id, "ROSTER").with(as(subLeadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		this.mvc
			.perform(post("/api/v1/contracts/" + contract.getId() + "/roster").with(as(subLeadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"再委託 三郎\",\"affiliation\":\"入力課\",\"role\":\"WORK_LEAD\",\"duties\":\"入力\","
						+ "\"workLocation\":\"再受託者 本社 3階\",\"periodStart\":\"" + ItakuTime.today(this.clock) + "\"}"))
			.andExpect(status().isCreated());
		// Nobody else revises.
		this.mvc.perform(revision(id, "EMERGENCY_CONTACTS").with(as(leadUser))).andExpect(status().isForbidden());
		this.mvc.perform(revision(id, "EMERGENCY_CONTACTS").with(as(otherLeadUser))).andExpect(status().isNotFound());

		// The client sees what changed and when.
		this.mvc.perform(get("/api/v1/subcontracts/{id}/documents", id).with(as(officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[?(@.type == 'EMERGENCY_CONTACTS')].currentVersion").value(2))
			.andExpect(
					jsonPath("$.documents[?(@.type == 'EMERGENCY_CONTACTS')].versions[1].note").value("夜間の連絡先を追加しました"))
			.andExpect(jsonPath("$.documents[?(@.type == 'EMERGENCY_CONTACTS')].versions[0].files[0].fileName")
				.value("緊急連絡体制.pdf"))
			.andExpect(jsonPath("$.rosterInRoster").value(true))
			.andExpect(jsonPath("$.rosterChanges[0].memberName").value("再委託 三郎"))
			.andExpect(jsonPath("$.rosterChanges[0].kind").value("ADDED"));
		this.mvc.perform(get("/subcontracts/{id}/documents", id).with(as(officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("夜間の連絡先を追加しました")))
			.andExpect(content().string(containsString("再委託 三郎")));
		this.mvc.perform(get("/subcontracts/{id}/documents", id).with(as(subLeadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("subcontract-document-revise")));
		// The register shows the current version.
		assertThat(this.approvals.register(officer, contract.getId()).others().get(0).documents())
			.filteredOn((d) -> d.type().equals(Deliverable.EMERGENCY_CONTACTS.name()))
			.singleElement()
			.satisfies((d) -> assertThat(d.version()).isEqualTo(2));
		// Every step audited.
		assertThat(count(
				"select count(*) from audit_entry where action = 'SUBCONTRACT_DOCUMENT_REVISED' and target_id = ?",
				id.toString()))
			.isEqualTo(1);
		UUID fileId = this.jdbc
			.sql("select id from subcontractor_document where subcontract_id = ? and deliverable = 'SECURITY_RULES'")
			.param(id)
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/api/v1/subcontracts/{id}/documents/{file}", id, fileId).with(as(officerUser)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/subcontracts/{id}/documents/{file}", id, fileId).with(as(otherLeadUser)))
			.andExpect(status().isNotFound());
		assertThat(
				count("select count(*) from audit_entry where action = 'SUBCONTRACT_DOCUMENT_VIEWED' and target_id = ?",
						id.toString()))
			.isEqualTo(1);
	}

	private MockMultipartHttpServletRequestBuilder application(String path, Organisation sub) {
		MockMultipartHttpServletRequestBuilder builder = multipart(path);
		builder.params(formParams(sub));
		return builder;
	}

	private MockMultipartHttpServletRequestBuilder revision(UUID id, String type) {
		MockMultipartHttpServletRequestBuilder builder = multipart("/api/v1/subcontracts/{id}/documents", id);
		builder.file(file("files", "緊急連絡体制_改訂.pdf")).param("type", type).param("note", "夜間の連絡先を追加しました");
		return builder;
	}

	static org.springframework.util.MultiValueMap<String, String> formParams(Organisation sub) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		SubcontractForm form = SubcontractsIT.form(sub);
		params.add("subcontractorOrganisationId", sub.getId().toString());
		params.add("periodStart", form.getPeriodStart().toString());
		params.add("periodEnd", form.getPeriodEnd().toString());
		params.add("reason", form.getReason());
		params.add("workContent", form.getWorkContent());
		params.add("informationHandled", form.getInformationHandled());
		params.add("personalInformation", "true");
		params.add("safetyMeasures", form.getSafetyMeasures());
		params.add("supervisionMethod", form.getSupervisionMethod());
		params.add("securityLead", form.getSecurityLead());
		params.add("workers", form.getWorkers());
		params.add("safetyMeasuresChecked", "true");
		params.add("bindsSameClauses", "true");
		params.add("ancillaryUnavoidable", "true");
		return params;
	}

	/**
	 * Returns a file for each document Setagaya 4 asks of a subcontractor.
	 * @return one file per document type
	 */
	static java.util.Map<Deliverable, List<SubcontractDocuments.Upload>> setagayaDocuments() {
		java.util.Map<Deliverable, List<SubcontractDocuments.Upload>> documents = new java.util.LinkedHashMap<>();
		for (Deliverable d : List.of(Deliverable.SECURITY_RULES, Deliverable.ROSTER,
				Deliverable.IMPLEMENTATION_SCHEDULE, Deliverable.EMERGENCY_CONTACTS)) {
			documents.put(d,
					List.of(new SubcontractDocuments.Upload(d.name() + ".pdf", "application/pdf",
							new org.springframework.core.io.ByteArrayResource(
									("%PDF-1.4 " + d.name()).getBytes(StandardCharsets.UTF_8)))));
		}
		return documents;
	}

	static MockMultipartFile file(String part, String name) {
		return new MockMultipartFile(part, name, "application/pdf",
				("%PDF-1.4 " + name).getBytes(StandardCharsets.UTF_8));
	}

	/** The PDF's text without white space (a long hash wraps in a table cell). */
	private static String text(byte[] pdf) throws java.io.IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC)
				.replaceAll("\\s+", "");
		}
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

}
