package jp.itaku.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.RequirementText;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.SpreadsheetCells;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's obligations as an Excel workbook an officer can attach to a report (the
 * evidence of who owes what by when that the clauses on reporting and inspection ask
 * for): the contract's particulars, then one row per obligation grouped by canonical
 * category, with real date cells, coloured statuses, a frozen header with an auto-filter
 * and an A4 landscape print setup. Scoped exactly like the contract page; every export is
 * audited.
 */
@Service
public class ObligationWorkbooks {

	/** The MIME type of an Office Open XML workbook. */
	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A font every Japanese Windows and Office installation has (Excel's default). */
	static final String FONT = "游ゴシック";

	/** The columns, left to right. */
	static final int COLUMNS = 7;

	private static final int[] MIN_WIDTH = { 12, 6, 14, 30, 10, 12, 8 };

	private static final int[] MAX_WIDTH = { 30, 12, 30, 60, 16, 12, 12 };

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final Contracts contracts;

	private final Obligations obligations;

	private final OrganisationSystemReads organisationReads;

	private final ClauseCatalog catalog;

	private final RequirementText requirementText;

	private final Dates dates;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final AuditTrail audit;

	ObligationWorkbooks(Contracts contracts, Obligations obligations, ClauseCatalog catalog,
			RequirementText requirementText, Dates dates, WorkingCalendar calendar, MessageSource messages,
			AuditTrail audit, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.contracts = contracts;
		this.obligations = obligations;
		this.catalog = catalog;
		this.requirementText = requirementText;
		this.dates = dates;
		this.calendar = calendar;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Exports a contract's obligations as a workbook in the reader's language, and audits
	 * the export ({@code OBLIGATIONS_EXPORTED}).
	 * @param actor the acting user: a party to the contract gets every obligation, an
	 * approved subcontractor those of its part ({@code Obligations.forPart})
	 * @param contractId the contract
	 * @return the workbook and its file name,
	 * {@code obligations-<number>-<yyyyMMdd>.xlsx}
	 * @throws NotFoundProblem when the contract does not exist or the actor's
	 * organisation takes no part in it
	 */
	@Transactional
	public ExportedFile export(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		List<Obligation> all = this.obligations.forPart(actor, contractId);
		LocalDate today = this.calendar.today();
		byte[] content = write(contract, byCategory(all), today);
		String fileName = "obligations-" + contract.getNumber() + "-" + FILE_DATE.format(today) + ".xlsx";
		this.audit.record(AuditRecord.of("OBLIGATIONS_EXPORTED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("format", "xlsx")
			.detail("obligations", all.size())
			.detail("fileName", fileName));
		return new ExportedFile(fileName, CONTENT_TYPE, content);
	}

	/**
	 * Orders obligations by canonical category, keeping their order (due date, clause)
	 * within a category.
	 */
	static List<Obligation> byCategory(List<Obligation> obligations) {
		Map<ClauseCategory, List<Obligation>> groups = new EnumMap<>(ClauseCategory.class);
		for (Obligation obligation : obligations) {
			groups.computeIfAbsent(obligation.getCategory(), (c) -> new ArrayList<>()).add(obligation);
		}
		return groups.values().stream().flatMap(List::stream).toList();
	}

	private byte[] write(Contract contract, List<Obligation> rows, LocalDate today) {
		StoredProfile profile = this.catalog.get(contract.getProfileId());
		String contractor = this.organisationReads.findUnscoped(contract.getContractorOrganisationId())
			.map(Organisation::getName)
			.orElse("");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			XSSFSheet sheet = workbook.createSheet(text("export.xlsx.sheet"));
			Widths widths = new Widths();
			int r = 0;
			Row titleRow = sheet.createRow(r++);
			cell(titleRow, 0, text("export.xlsx.title"), styles.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS - 1));
			String period = text("export.xlsx.periodValue", this.dates.date(contract.getPeriodStart()),
					this.dates.date(contract.getPeriodEnd()));
			String profileValue = text("export.xlsx.profileValue", issuer(profile), profile.definition().title(),
					profile.version());
			String[][] particulars = { { text("contract.number"), contract.getNumber() },
					{ text("contract.title"), contract.getTitle() }, { text("contract.contractor"), contractor },
					{ text("contract.period"), period }, { text("contract.profile"), profileValue },
					{ text("export.xlsx.exportedOn"), this.dates.date(today) } };
			for (String[] particular : particulars) {
				Row row = sheet.createRow(r);
				cell(row, 0, particular[0], styles.label);
				cell(row, 1, particular[1], styles.value);
				widths.fit(0, particular[0]);
				sheet.addMergedRegion(new CellRangeAddress(r, r, 1, COLUMNS - 1));
				r++;
			}
			r++;
			int headerRow = r;
			Row header = sheet.createRow(r++);
			String[] headings = { text("export.xlsx.category"), text("obligation.clause"), text("obligation.what"),
					text("export.xlsx.summary"), text("obligation.period"), text("obligation.dueDate"),
					text("obligation.status") };
			for (int c = 0; c < COLUMNS; c++) {
				cell(header, c, headings[c], styles.header);
				widths.fit(c, headings[c]);
			}
			for (Obligation obligation : rows) {
				Row row = sheet.createRow(r++);
				ObligationStatus status = obligation.effectiveStatus(today);
				String[] values = { this.requirementText.label("category", obligation.getCategory()),
						obligation.getClauseRef(),
						this.requirementText.label("deliverable", obligation.getDeliverable()), summary(obligation),
						text("obligation.periodKey." + obligation.getPeriodKind(), obligation.getPeriodArguments()) };
				for (int c = 0; c < values.length; c++) {
					cell(row, c, values[c], styles.body);
					widths.fit(c, values[c]);
				}
				Cell due = row.createCell(5);
				if (obligation.getDueDate() != null) {
					due.setCellValue(obligation.getDueDate());
					due.setCellStyle(styles.date);
				}
				else {
					SpreadsheetCells.text(due, text("obligation.noDueDate"));
					due.setCellStyle(styles.body);
					widths.fit(5, due.getStringCellValue());
				}
				String statusLabel = text("obligationStatus." + status.name());
				cell(row, 6, statusLabel, styles.status(status));
				widths.fit(6, statusLabel);
			}
			int lastRow = Math.max(headerRow, r - 1);
			for (int c = 0; c < COLUMNS; c++) {
				sheet.setColumnWidth(c, widths.of(c) * 256);
			}
			sheet.createFreezePane(0, headerRow + 1);
			sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, COLUMNS - 1));
			printSetup(sheet, headerRow);
			workbook.getProperties().getCoreProperties().setTitle(text("export.xlsx.title"));
			workbook.getProperties().getCoreProperties().setCreator(text("app.name"));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void printSetup(XSSFSheet sheet, int headerRow) {
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		sheet.setFitToPage(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
		sheet.setMargin(PageMargin.LEFT, 0.4);
		sheet.setMargin(PageMargin.RIGHT, 0.4);
		sheet.getFooter().setCenter("&P / &N");
	}

	private String issuer(StoredProfile profile) {
		boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		String issuerEn = profile.definition().issuerEn();
		return (english && issuerEn != null) ? issuerEn : profile.definition().issuer();
	}

	private static String summary(Obligation obligation) {
		boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		return (english && obligation.getSummaryEn() != null) ? obligation.getSummaryEn() : obligation.getSummary();
	}

	private static void cell(Row row, int column, @Nullable String value, XSSFCellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		SpreadsheetCells.text(cell, value);
	}

	private String text(String key, Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

	/**
	 * A file made for download.
	 *
	 * @param fileName its name, not yet made safe for a header
	 * @param contentType its MIME type
	 * @param content its bytes
	 */
	public record ExportedFile(String fileName, String contentType, byte[] content) {

		@Override
		public String toString() {
			return "ExportedFile[" + this.fileName + ", " + this.content.length + " bytes]";
		}

	}

	/**
	 * Column widths in characters as Excel counts them: a full-width (Japanese) character
	 * takes two, within each column's bounds.
	 */
	static final class Widths {

		private final int[] widths = MIN_WIDTH.clone();

		void fit(int column, String value) {
			if (value != null) {
				this.widths[column] = Math.max(this.widths[column],
						Math.min(MAX_WIDTH[column], displayWidth(value) + 2));
			}
		}

		int of(int column) {
			return this.widths[column];
		}

		/**
		 * Returns how many half-width cells a text takes on one line.
		 * @param value the text
		 * @return its width, two for every full-width character
		 */
		static int displayWidth(String value) {
			return value.codePoints().map((cp) -> isWide(cp) ? 2 : 1).sum();
		}

		private static boolean isWide(int codePoint) {
			if (codePoint >= 0xFF61 && codePoint <= 0xFF9F) {
				return false;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
			Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
			return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
					|| script == Character.UnicodeScript.KATAKANA
					|| block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
					|| block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
		}

	}

	/** The cell styles of one workbook. */
	private static final class Styles {

		final XSSFCellStyle title;

		final XSSFCellStyle label;

		final XSSFCellStyle value;

		final XSSFCellStyle header;

		final XSSFCellStyle body;

		final XSSFCellStyle date;

		private final Map<ObligationStatus, XSSFCellStyle> statuses = new EnumMap<>(ObligationStatus.class);

		Styles(XSSFWorkbook workbook) {
			XSSFFont base = workbook.getFontAt(0);
			base.setFontName(FONT);
			base.setFontHeightInPoints((short) 11);
			base.setCharSet(128);
			XSSFFont bold = font(workbook, 11, null);
			bold.setBold(true);
			XSSFFont large = font(workbook, 14, null);
			large.setBold(true);
			this.title = workbook.createCellStyle();
			this.title.setFont(large);
			this.label = workbook.createCellStyle();
			this.label.setFont(bold);
			this.label.setVerticalAlignment(VerticalAlignment.TOP);
			this.value = workbook.createCellStyle();
			this.value.setVerticalAlignment(VerticalAlignment.TOP);
			this.header = bordered(workbook);
			this.header.setFont(bold);
			this.header.setFillForegroundColor(rgb(0xD9, 0xE1, 0xF2));
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.body = bordered(workbook);
			this.date = bordered(workbook);
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
			this.date.setWrapText(false);
			status(workbook, ObligationStatus.OVERDUE, rgb(0xFF, 0xC7, 0xCE), rgb(0x9C, 0x00, 0x06));
			status(workbook, ObligationStatus.SUBMITTED, rgb(0xDD, 0xEB, 0xF7), rgb(0x1F, 0x4E, 0x79));
			status(workbook, ObligationStatus.ACCEPTED, rgb(0xC6, 0xEF, 0xCE), rgb(0x00, 0x61, 0x00));
			status(workbook, ObligationStatus.RETURNED, rgb(0xFF, 0xEB, 0x9C), rgb(0x9C, 0x57, 0x00));
		}

		XSSFCellStyle status(ObligationStatus status) {
			return this.statuses.getOrDefault(status, this.body);
		}

		private void status(XSSFWorkbook workbook, ObligationStatus status, XSSFColor fill, XSSFColor text) {
			XSSFCellStyle style = bordered(workbook);
			style.setFillForegroundColor(fill);
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			XSSFFont font = font(workbook, 11, text);
			font.setBold(true);
			style.setFont(font);
			this.statuses.put(status, style);
		}

		private static XSSFCellStyle bordered(XSSFWorkbook workbook) {
			XSSFCellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

		private static XSSFFont font(XSSFWorkbook workbook, int points, @Nullable XSSFColor colour) {
			XSSFFont font = workbook.createFont();
			font.setFontName(FONT);
			font.setFontHeightInPoints((short) points);
			font.setCharSet(128);
			if (colour != null) {
				font.setColor(colour);
			}
			return font;
		}

		private static XSSFColor rgb(int red, int green, int blue) {
			return new XSSFColor(new byte[] { (byte) red, (byte) green, (byte) blue }, null);
		}

	}

}
