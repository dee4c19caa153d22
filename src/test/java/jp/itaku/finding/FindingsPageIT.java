package jp.itaku.finding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.inspection.Finding;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.InspectionFindings;
import jp.itaku.inspection.Inspections;
import jp.itaku.inspection.Severity;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogFindings;
import jp.itaku.logevidence.LogFinding;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogRule;
import jp.itaku.logevidence.LogSettings;
import jp.itaku.logevidence.LogSource;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contract's one list of findings (指摘事項): an inspection's finding and a log check's
 * finding side by side with source, severity, clause, the shared status and the due date,
 * each linking its own page; every party to the contract reads it, linked from the
 * contract's page; another contractor, or another client, finds nothing.
 */
@IntegrationTest
class FindingsPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Inspections inspections;

	@Autowired
	InspectionFindings inspectionFindings;

	@Autowired
	LogEvidence logs;

	@Autowired
	LogFindings logFindings;

	@Autowired
	Clock clock;

	@Test
	void theContractsFindingsFromEverySourceAreListedForItsPartiesOnly() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount auditor = this.fixtures.user(client, Role.AUDITOR);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount otherLead = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		UserAccount otherOfficer = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_OFFICER);
		LocalDate today = ItakuTime.today(this.clock);
		Contract contract = this.contracts.register(actor(officer), this.fixtures.contractForm(contractor, "kadoma",
				today.minusMonths(3), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION)));

		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.ON_SITE);
		form.setScope("作業室");
		form.setHeldOn(today);
		form.setInspectors("山田");
		Inspection inspection = this.inspections.plan(actor(officer), contract.getId(), form);
		Finding instructed = this.inspectionFindings.record(actor(officer), inspection.getId(), Severity.CRITICAL,
				"14(8)", "鍵が机に置かれていた。", "鍵を携行すること。", today.plusDays(14));

		LogSource source = this.logs.addSource(actor(lead), contract.getId(), "窓口端末", LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of()), null);
		this.logs.saveSettings(actor(officer), contract.getId(),
				new LogSettings(3, "export_all", LocalTime.of(7, 0), LocalTime.of(21, 0), 50, 5, 10, 300, false));
		String csv = "time,user,action,target,result,ip\n" + today.minusDays(2)
				+ "T10:00:00+09:00,OP-NOBODY,export_all,住民=1,success,10.0.0.8\n";
		this.logs.ingest(actor(lead), contract.getId(), source.id(), "access.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
		LogFinding logFinding = this.logFindings.findings(actor(officer), contract.getId())
			.stream()
			.filter((f) -> f.getRule() == LogRule.FORBIDDEN_OPERATION)
			.findFirst()
			.orElseThrow();

		String list = "/contracts/" + contract.getId() + "/findings";
		for (UserAccount reader : List.of(officer, auditor, lead)) {
			Document page = page(list, reader);
			Element fromInspection = page.selectFirst("#findings tr[data-finding=" + instructed.getId() + "]");
			assertThat(fromInspection).isNotNull();
			assertThat(fromInspection.attr("data-status")).isEqualTo("ACKNOWLEDGED");
			assertThat(fromInspection.text()).contains("監査・検査", "実地調査 AUD-1-F1", "重大", "14(8)", "確認済み（対応依頼）",
					String.valueOf(today.plusDays(14).getDayOfMonth()));
			assertThat(fromInspection.selectFirst("a").attr("href"))
				.isEqualTo("/inspections/" + inspection.getId() + "#finding-AUD-1-F1");
			Element fromLogs = page.selectFirst("#findings tr[data-finding=" + logFinding.getId() + "]");
			assertThat(fromLogs).isNotNull();
			assertThat(fromLogs.text()).contains("ログ証跡の照合", "禁止された操作", logFinding.getClauseRef(), "記録済み／未対応");
			assertThat(fromLogs.selectFirst("a").attr("href"))
				.isEqualTo("/contracts/" + contract.getId() + "/logs#finding-" + logFinding.getId());
		}
		assertThat(page("/contracts/" + contract.getId(), officer).selectFirst("#findings-link").attr("href"))
			.isEqualTo(list);

		// Another contractor (B) and another client find nothing.
		for (UserAccount foreign : List.of(otherLead, otherOfficer)) {
			this.mvc.perform(get(list).with(as(foreign))).andExpect(status().isNotFound());
		}
	}

	private Document page(String path, UserAccount user) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private Actor actor(UserAccount user) {
		return this.fixtures.actor(user);
	}

}
