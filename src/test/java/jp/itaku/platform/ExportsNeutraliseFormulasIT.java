package jp.itaku.platform;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.export.ObligationWorkbooks;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogExport;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogSource;
import jp.itaku.organisation.Organisation;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.RosterWorkbook;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.subcontract.ChainWorkbook;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every export neutralises formulas that users wrote (CSV injection): a formula-like
 * value is written through each export — the obligations, roster and subcontract-chain
 * workbooks, the log CSV and the audit CSV — and comes out as text that a spreadsheet
 * does not run: in CSV prefixed with an apostrophe, in Excel a string cell with exactly
 * the text, marked quote-prefixed. {@code ArchitectureRulesTests} keeps any other class
 * from writing text into a cell.
 */
@IntegrationTest
class ExportsNeutraliseFormulasIT {

	static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"x\")";

	static final String CMD = "+cmd|' /C calc'!A0";

	static final String SUM = "@SUM(1)";

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	ObligationWorkbooks obligationWorkbooks;

	@Autowired
	RosterWorkbook rosterWorkbook;

	@Autowired
	ChainWorkbook chainWorkbook;

	@Autowired
	LogEvidence logs;

	@Autowired
	LogExport logExport;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	Organisation contractor;

	UserAccount secadminUser;

	Actor officer;

	Actor lead;

	Contract contract;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.lead = this.fixtures.actor(this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD));
		ContractForm form = this.fixtures.contractForm(this.contractor, "kadoma",
				ItakuTime.today(this.clock).minusMonths(3), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle(HYPERLINK);
		this.contract = this.contracts.register(this.officer, form);
	}

	@Test
	void theObligationsWorkbookKeepsTheTitleAsText() throws Exception {
		assertNeutralised(this.obligationWorkbooks.export(this.officer, this.contract.getId()).content(), HYPERLINK);
	}

	@Test
	void theRosterWorkbookKeepsNamesAsText() throws Exception {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(CMD);
		form.setAffiliation(SUM);
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(this.contract.getPeriodStart());
		this.rosters.add(this.lead, this.contract.getId(), form);
		byte[] workbook = this.rosterWorkbook.export(this.officer, this.contract.getId()).content();
		assertNeutralised(workbook, CMD);
		assertNeutralised(workbook, SUM);
	}

	@Test
	void theChainWorkbookKeepsTheApplicationsTextsAsText() throws Exception {
		Organisation subcontractor = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		SubcontractForm form = new SubcontractForm();
		form.setSubcontractorOrganisationId(subcontractor.getId());
		form.setPeriodStart(this.contract.getPeriodStart());
		form.setPeriodEnd(this.contract.getPeriodStart().plusMonths(6));
		form.setReason("繁忙期のため");
		form.setWorkContent(CMD);
		form.setInformationHandled("申請書の写し");
		form.setPersonalInformation(true);
		form.setSafetyMeasures("施錠保管");
		form.setSupervisionMethod("月1回の実地確認");
		form.setSecurityLead("再委託 責任者");
		form.setWorkers("入力 一郎");
		form.setSafetyMeasuresChecked(true);
		form.setBindsSameClauses(true);
		form.setAncillaryUnavoidable(true);
		this.subcontracts.apply(this.lead, this.contract.getId(), form);
		assertNeutralised(this.chainWorkbook.export(this.officer, this.contract.getId()), CMD);
	}

	@Test
	void theLogCsvPrefixesFormulas() {
		LogSource source = this.logs.addSource(this.lead, this.contract.getId(), "端末", LogFormat.CSV,
				new LogMapping("time", "user", "action", "target", "result", "ip", List.of()), null);
		LocalDate day = this.contract.getPeriodStart().plusDays(10);
		String csv = "time,user,action,target,result,ip\n" + day + "T10:00:00+09:00,u1,view,\""
				+ HYPERLINK.replace("\"", "\"\"") + "\"," + SUM + ",10.0.0.1\n" + day + "T10:01:00+09:00,u1,view,\""
				+ CMD + "\",-1,10.0.0.1\n";
		this.logs.ingest(this.lead, this.contract.getId(), source.id(), "a.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
		StringWriter out = new StringWriter();
		this.logExport.export(this.officer, this.contract.getId(), day, day, out);
		String exported = out.toString();
		assertThat(exported).contains(",\"'" + HYPERLINK.replace("\"", "\"\"") + "\",'" + SUM + ",")
			.contains(",'" + CMD + ",'-1,");
		assertNoRawFormula(exported);
	}

	@Test
	void theAuditCsvPrefixesFormulas() throws Exception {
		// The contract's title (a formula) is in the audit entry of its registration.
		String csv = this.mvc
			.perform(get("/audit/export.csv").param("targetId", this.contract.getId().toString())
				.with(authentication(this.fixtures.signedIn(this.secadminUser))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains(this.contract.getId().toString());
		assertNoRawFormula(csv);
		assertThat(jp.itaku.platform.SpreadsheetCells.csvField(HYPERLINK)).startsWith("\"'=");
	}

	/** No CSV field starts like a formula. */
	private static void assertNoRawFormula(String csv) {
		for (String line : csv.lines().toList()) {
			for (String field : fields(line)) {
				assertThat(SpreadsheetCells.isFormulaLike(field)).as("field %s of line %s", field, line).isFalse();
			}
		}
	}

	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/**
	 * The value is in a string cell, exactly, quote-prefixed; no cell holds a formula.
	 */
	private static void assertNeutralised(byte[] xlsx, String value) throws Exception {
		boolean found = false;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(value)) {
							found = true;
							if (SpreadsheetCells.isFormulaLike(cell.getStringCellValue())) {
								assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue())
									.isTrue();
							}
						}
					}
				}
			}
		}
		assertThat(found).as("the export holds %s as text", value).isTrue();
	}

}
