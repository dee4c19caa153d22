package jp.itaku.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.SpreadsheetCells;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's roster as an Excel workbook in the layout of a 従事者名簿: title, contract,
 * client, contractor and date of making, then one row per worker with the columns the
 * import reads (so an exported roster can be edited and imported into another contract).
 * The nationality is never exported. Always in Japanese: it is the form the client files.
 * Scoped like the roster page; every export is audited.
 */
@Service
public class RosterWorkbook {

	/** The MIME type of an Office Open XML workbook. */
	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The columns' message keys, left to right. */
	static final List<String> HEADINGS = List.of("roster.export.number", "roster.field.name",
			"roster.field.affiliation", "roster.field.role", "roster.field.duties", "roster.field.workLocation",
			"roster.field.handlesPersonalInformation", "roster.field.handoverPerson", "roster.field.expertise",
			"roster.field.trackRecord", "roster.field.periodStart", "roster.field.plannedEnd", "roster.field.actualEnd",
			"roster.field.status");

	private static final int[] WIDTHS = { 5, 16, 18, 14, 28, 24, 10, 8, 20, 28, 12, 12, 12, 10 };

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final Contracts contracts;

	private final Rosters rosters;

	private final OrganisationSystemReads organisationReads;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final AuditTrail audit;

	RosterWorkbook(Contracts contracts, Rosters rosters, WorkingCalendar calendar, MessageSource messages,
			AuditTrail audit, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.contracts = contracts;
		this.rosters = rosters;
		this.calendar = calendar;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Exports a contract's roster and audits it ({@code ROSTER_EXPORTED}).
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the workbook, named {@code 従事者名簿_<number>_<yyyyMMdd>.xlsx}
	 * @throws NotFoundProblem when the actor's organisation is no party to the contract
	 */
	@Transactional
	public Export export(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		List<RosterMember> members = this.rosters.members(actor, contractId);
		LocalDate today = this.calendar.today();
		byte[] content = write(contract, members, today);
		String fileName = text("roster.export.fileName", contract.getNumber(),
				DateTimeFormatter.BASIC_ISO_DATE.format(today));
		this.audit.record(AuditRecord.of("ROSTER_EXPORTED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("format", "xlsx")
			.detail("members", members.size()));
		return new Export(fileName, CONTENT_TYPE, content);
	}

	private byte[] write(Contract contract, List<RosterMember> members, LocalDate today) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			XSSFSheet sheet = workbook.createSheet(text("roster.notice.title.initial"));
			int columns = HEADINGS.size();
			int r = 0;
			Row title = sheet.createRow(r++);
			cell(title, 0, text("roster.notice.title.initial"), styles.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
			String[][] particulars = {
					{ text("roster.notice.contract"), contract.getNumber() + " " + contract.getTitle() },
					{ text("roster.notice.client"), organisationName(contract.getClientOrganisationId()) },
					{ text("roster.notice.contractor"), organisationName(contract.getContractorOrganisationId()) },
					{ text("roster.export.madeOn"), Dates.wareki(today) } };
			for (String[] particular : particulars) {
				Row row = sheet.createRow(r);
				cell(row, 0, particular[0], styles.label);
				sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
				cell(row, 2, particular[1], styles.value);
				sheet.addMergedRegion(new CellRangeAddress(r, r, 2, columns - 1));
				r++;
			}
			r++;
			int headerRow = r;
			Row header = sheet.createRow(r++);
			for (int c = 0; c < columns; c++) {
				cell(header, c, text(HEADINGS.get(c)), styles.header);
			}
			int number = 1;
			for (RosterMember member : members) {
				Row row = sheet.createRow(r++);
				Cell numberCell = row.createCell(0);
				numberCell.setCellValue(number++);
				numberCell.setCellStyle(styles.body);
				String[] values = { member.getName(), member.getAffiliation(), text("roster.role." + member.getRole()),
						member.getDuties(), member.getWorkLocation(),
						text("roster.bool." + member.isHandlesPersonalInformation()),
						text("roster.bool." + member.isHandoverPerson()), member.getExpertise(),
						member.getTrackRecord() };
				for (int c = 0; c < values.length; c++) {
					cell(row, c + 1, values[c], styles.body);
				}
				date(row, 10, member.getPeriodStart(), styles);
				date(row, 11, member.getPlannedEnd(), styles);
				date(row, 12, member.getActualEnd(), styles);
				cell(row, 13, text("roster.status." + member.getStatus()), styles.body);
			}
			for (int c = 0; c < columns; c++) {
				sheet.setColumnWidth(c, WIDTHS[c] * 256);
			}
			sheet.createFreezePane(0, headerRow + 1);
			sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, columns - 1));
			PrintSetup print = sheet.getPrintSetup();
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			print.setLandscape(true);
			sheet.setFitToPage(true);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
			sheet.getFooter().setCenter("&P / &N");
			workbook.getProperties().getCoreProperties().setTitle(text("roster.notice.title.initial"));
			workbook.getProperties().getCoreProperties().setCreator(text("roster.export.creator"));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void date(Row row, int column, @Nullable LocalDate value, Styles styles) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value);
			cell.setCellStyle(styles.date);
		}
		else {
			cell.setCellStyle(styles.body);
		}
	}

	private static void cell(Row row, int column, @Nullable String value, XSSFCellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		SpreadsheetCells.text(cell, value);
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, JAPANESE);
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

	/**
	 * An exported roster.
	 *
	 * @param fileName its name, not yet made safe for a header
	 * @param contentType its MIME type
	 * @param content its bytes
	 */
	public record Export(@Nullable String fileName, String contentType, byte[] content) {

		@Override
		public String toString() {
			return "Export[" + this.fileName + ", " + this.content.length + " bytes]";
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

		Styles(XSSFWorkbook workbook) {
			XSSFFont base = workbook.getFontAt(0);
			base.setFontName("游ゴシック");
			base.setFontHeightInPoints((short) 11);
			base.setCharSet(128);
			XSSFFont bold = font(workbook, 11);
			bold.setBold(true);
			XSSFFont large = font(workbook, 16);
			large.setBold(true);
			this.title = workbook.createCellStyle();
			this.title.setFont(large);
			this.label = workbook.createCellStyle();
			this.label.setFont(bold);
			this.value = workbook.createCellStyle();
			this.header = bordered(workbook);
			this.header.setFont(bold);
			this.header
				.setFillForegroundColor(new XSSFColor(new byte[] { (byte) 0xD9, (byte) 0xE1, (byte) 0xF2 }, null));
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.body = bordered(workbook);
			this.date = bordered(workbook);
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
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

		private static XSSFFont font(XSSFWorkbook workbook, int points) {
			XSSFFont font = workbook.createFont();
			font.setFontName("游ゴシック");
			font.setFontHeightInPoints((short) points);
			font.setCharSet(128);
			return font;
		}

	}

}
