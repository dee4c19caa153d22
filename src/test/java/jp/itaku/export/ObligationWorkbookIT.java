package jp.itaku.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Excel workbook of a contract's obligations, read back with POI: particulars,
 * header, one row per obligation grouped by canonical category with real date cells and
 * coloured statuses, frozen header, auto-filter and print setup; the download's name;
 * scoping and auditing.
 */
@IntegrationTest
class ObligationWorkbookIT {

	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The row of the column headings (0-based): a title row, six particulars, a gap. */
	private static final int HEADER_ROW = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	Organisation contractor;

	Actor officer;

	Actor lead;

	UserAccount leadUser;

	UserAccount otherLeadUser;

	Contract contract;

	@BeforeEach
	void contract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		// started two months ago: some obligations are overdue by now
		LocalDate start = today().minusMonths(2).withDayOfMonth(1);
		ContractForm form = this.fixtures.contractForm(this.contractor, "setagaya", start, Set.of());
		form.setNumber("情-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("住民記録システム運用保守業務委託");
		this.contract = this.contracts.register(this.officer, form);
		// and one still open: a revised document to resubmit, due today (Setagaya 3)
		this.obligations.raise(this.contract.getId(), ObligationTrigger.change(ChangeSubject.SUBMITTED_DOCUMENTS),
				new Obligations.Occurrence("CHANGE-1", today(), "規程の改定", "test"), Deliverable.SECURITY_RULES);
	}

	private LocalDate today() {
		return ItakuTime.today(this.clock);
	}

	private Obligation obligation(Deliverable deliverable) {
		return this.obligations.forContract(this.lead, this.contract.getId())
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable)
			.findFirst()
			.orElseThrow();
	}

	private MockHttpServletResponse download(String path, UserAccount user) throws Exception {
		return this.mvc.perform(get(path).with(authentication(this.fixtures.signedIn(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private static String text(Row row, int column) {
		Cell cell = row.getCell(column);
		return (cell != null) ? cell.getStringCellValue() : null;
	}

	@Test
	void theWorkbookListsEveryObligationWithTitleHeaderDatesAndStatuses() throws Exception {
		Obligation roster = obligation(Deliverable.ROSTER);
		this.obligations.submit(this.lead, roster.getId(), "名簿です", List.of(new Obligations.Upload("名簿.pdf",
				"application/pdf", new ByteArrayResource("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))));
		List<Obligation> all = this.obligations.forContract(this.lead, this.contract.getId());

		MockHttpServletResponse response = download("/contracts/" + this.contract.getId() + "/obligations.xlsx",
				this.leadUser);
		assertThat(response.getContentType()).isEqualTo(XLSX);
		String fileName = "obligations-" + this.contract.getNumber() + "-"
				+ DateTimeFormatter.BASIC_ISO_DATE.format(today()) + ".xlsx";
		String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment; filename=\"obligations-_-")
			.endsWith("; filename*=UTF-8''" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("義務一覧");
			assertThat(text(sheet.getRow(0), 0)).isEqualTo("情報セキュリティ特記事項 履行義務一覧");
			assertThat(text(sheet.getRow(1), 0)).isEqualTo("契約番号");
			assertThat(text(sheet.getRow(1), 1)).isEqualTo(this.contract.getNumber());
			assertThat(text(sheet.getRow(2), 1)).isEqualTo("住民記録システム運用保守業務委託");
			assertThat(text(sheet.getRow(3), 1)).isEqualTo(this.contractor.getName());
			assertThat(text(sheet.getRow(4), 1)).isEqualTo(
					Dates.wareki(this.contract.getPeriodStart()) + Dates.weekday(this.contract.getPeriodStart()) + " 〜 "
							+ Dates.wareki(this.contract.getPeriodEnd()) + Dates.weekday(this.contract.getPeriodEnd()));
			assertThat(text(sheet.getRow(4), 1)).startsWith("令和");
			assertThat(text(sheet.getRow(5), 1)).startsWith("世田谷区").contains("第").endsWith("版");
			assertThat(text(sheet.getRow(6), 0)).isEqualTo("出力日");
			assertThat(text(sheet.getRow(6), 1)).isEqualTo(Dates.wareki(today()) + Dates.weekday(today()));

			Row header = sheet.getRow(HEADER_ROW);
			List<String> headings = new ArrayList<>();
			header.forEach((cell) -> headings.add(cell.getStringCellValue()));
			assertThat(headings).containsExactly("区分", "根拠条項", "求められる書面", "求められる内容", "対象期間", "期限", "状況");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getFontName())
				.isEqualTo("游ゴシック");

			assertThat(sheet.getLastRowNum()).isEqualTo(HEADER_ROW + all.size());
			Row rosterRow = null;
			List<ClauseCategory> order = new ArrayList<>();
			for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				order.add(categoryOf(text(row, 0)));
				if ("従事者名簿".equals(text(row, 2)) && roster.getClauseRef().equals(text(row, 1))) {
					rosterRow = row;
				}
			}
			assertThat(order).doesNotContainNull().isSortedAccordingTo(ClauseCategory::compareTo);

			assertThat(rosterRow).isNotNull();
			assertThat(text(rosterRow, 3)).isEqualTo(roster.getSummary());
			XSSFCell due = (XSSFCell) rosterRow.getCell(5);
			assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
			assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("yyyy/mm/dd");
			assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(roster.getDueDate());
			XSSFCell status = (XSSFCell) rosterRow.getCell(6);
			assertThat(status.getStringCellValue()).isEqualTo("審査待ち");
			assertThat(fill(status)).isEqualTo("DDEBF7");

			assertThat(all)
				.anySatisfy((o) -> assertThat(o.effectiveStatus(today())).isEqualTo(ObligationStatus.OVERDUE));
			int overdueRows = 0;
			for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
				XSSFCell cell = (XSSFCell) sheet.getRow(r).getCell(6);
				if ("期限切れ".equals(cell.getStringCellValue())) {
					assertThat(fill(cell)).isEqualTo("FFC7CE");
					overdueRows++;
				}
			}
			assertThat(overdueRows)
				.isEqualTo(all.stream().filter((o) -> o.effectiveStatus(today()) == ObligationStatus.OVERDUE).count());
			assertThat(all).anySatisfy((o) -> assertThat(o.effectiveStatus(today())).isEqualTo(ObligationStatus.OPEN));

			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) (HEADER_ROW + 1));
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
				.isEqualTo("A" + (HEADER_ROW + 1) + ":G" + (HEADER_ROW + 1 + all.size()));
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo((HEADER_ROW + 1) + ":" + (HEADER_ROW + 1));
			for (int c = 0; c < 7; c++) {
				assertThat(sheet.getColumnWidth(c) / 256).isBetween(6, 60);
			}
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'OBLIGATIONS_EXPORTED' and target_id = ? and user_id = ?",
				Long.class, this.contract.getId().toString(), this.leadUser.getId()))
			.isEqualTo(1L);
	}

	@Test
	void theApiAnswersTheSameWorkbook() throws Exception {
		MockHttpServletResponse response = download("/api/v1/contracts/" + this.contract.getId() + "/obligations.xlsx",
				this.leadUser);
		assertThat(response.getContentType()).isEqualTo(XLSX);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(text(workbook.getSheetAt(0).getRow(1), 1)).isEqualTo(this.contract.getNumber());
			assertThat(workbook.getSheetAt(0).getLastRowNum())
				.isEqualTo(HEADER_ROW + this.obligations.forContract(this.lead, this.contract.getId()).size());
		}
	}

	@Test
	void englishReadersGetEnglishHeadings() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/contracts/" + this.contract.getId() + "/obligations.xlsx").param("lang", "en")
				.with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(text(workbook.getSheetAt(0).getRow(HEADER_ROW), 0)).isEqualTo("Category");
			assertThat(text(workbook.getSheetAt(0).getRow(4), 1))
				.isEqualTo(ENGLISH_DAY.format(this.contract.getPeriodStart()) + " to "
						+ ENGLISH_DAY.format(this.contract.getPeriodEnd()));
		}
	}

	@Test
	void aContractorOfAnotherOrganisationGetsNotFound() throws Exception {
		var other = authentication(this.fixtures.signedIn(this.otherLeadUser));
		this.mvc.perform(get("/contracts/" + this.contract.getId() + "/obligations.xlsx").with(other))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId() + "/obligations.xlsx").with(other))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contracts/" + UUID.randomUUID() + "/obligations.xlsx").with(other))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'OBLIGATIONS_EXPORTED' and target_id = ?", Long.class,
				this.contract.getId().toString()))
			.isZero();
	}

	@Test
	void theContractPageOffersTheDownload() throws Exception {
		String page = this.mvc
			.perform(get("/contracts/" + this.contract.getId() + "/obligations")
				.with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/contracts/" + this.contract.getId() + "/obligations.xlsx")
			.contains("義務一覧をExcelで出力");
	}

	private static ClauseCategory categoryOf(String label) {
		for (ClauseCategory category : ClauseCategory.values()) {
			if (label.equals(japaneseLabel(category))) {
				return category;
			}
		}
		return null;
	}

	private static String japaneseLabel(ClauseCategory category) {
		java.util.Properties labels = new java.util.Properties();
		try (var in = ObligationWorkbookIT.class.getResourceAsStream("/catalog-labels.properties")) {
			labels.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return labels.getProperty("category." + category.name());
	}

	private static String fill(XSSFCell cell) {
		XSSFCellStyle style = cell.getCellStyle();
		return style.getFillForegroundXSSFColor().getARGBHex().substring(2);
	}

}
