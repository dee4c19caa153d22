package jp.itaku.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.platform.InputRules;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.jspecify.annotations.Nullable;

/**
 * Reads a roster file as municipalities and contractors keep them: an Excel workbook
 * (.xlsx, first sheet) or a CSV file in UTF-8 (with or without BOM) or Shift_JIS
 * (windows-31j, as Excel on Japanese Windows saves it), with a header row of Japanese
 * column names (氏名, 所属, 役割, …). Roles may be written as their Japanese labels, yes/no as
 * あり/なし/○/×, dates as 2026/4/1, 2026-04-01 or 令和8年4月1日. Every value that cannot be read
 * is reported with its line and column; no row but a blank one is ever skipped. Pure:
 * stores nothing.
 */
public final class RosterFile {

	/** The most rows one file may hold. */
	public static final int MAX_ROWS = 1000;

	/** The longest file accepted, in bytes. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final int HEADER_SEARCH_ROWS = 20;

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	/** The column names accepted for each field (normalized: NFKC, no spaces). */
	private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

	/** The fields a file must have a column for. */
	private static final List<String> REQUIRED = List.of("name", "affiliation", "role", "periodStart");

	private static final Map<String, WorkerRole> ROLES = new LinkedHashMap<>();

	private static final Set<String> YES = Set.of("あり", "有", "有り", "○", "〇", "◯", "はい", "該当", "yes", "y", "true", "1");

	private static final Set<String> NO = Set.of("なし", "無", "無し", "×", "✕", "いいえ", "非該当", "no", "n", "false", "0", "-",
			"ー", "−");

	private static final Pattern WESTERN_DATE = Pattern.compile("(\\d{4})[/.\\-年](\\d{1,2})[/.\\-月](\\d{1,2})日?");

	private static final Pattern ERA_DATE = Pattern
		.compile("(令和|平成|R|H)(元|\\d{1,2})[/.\\-年](\\d{1,2})[/.\\-月](\\d{1,2})日?");

	static {
		column("name", "氏名", "名前", "従事者氏名");
		column("affiliation", "所属", "所属部署");
		column("role", "役割", "役職", "区分");
		column("duties", "担当業務", "業務内容");
		column("workLocation", "作業場所", "業務執行場所");
		column("handlesPersonalInformation", "個人情報の取扱い", "個人情報の取扱", "個人情報取扱い", "個人情報の取り扱い");
		column("handoverPerson", "授受", "授受に携わる者");
		column("expertise", "専門性");
		column("trackRecord", "実績");
		column("nationality", "国籍");
		column("periodStart", "従事開始日", "開始日");
		column("plannedEnd", "従事終了予定日", "終了予定日");
		role(WorkerRole.SECURITY_LEAD, "統括責任者", "情報セキュリティ責任者");
		role(WorkerRole.CONTRACT_LEAD, "契約責任者");
		role(WorkerRole.WORK_LEAD, "業務責任者");
		role(WorkerRole.DATA_CUSTODIAN, "管理責任者", "個人情報管理責任者");
		role(WorkerRole.REVIEWER, "監督者");
		role(WorkerRole.WORKER, "従事者", "作業従事者");
	}

	private RosterFile() {
	}

	private static void column(String field, String... names) {
		for (String name : names) {
			COLUMNS.put(normalize(name), field);
		}
	}

	private static void role(WorkerRole role, String... labels) {
		ROLES.put(role.name(), role);
		for (String label : labels) {
			ROLES.put(normalize(label), role);
		}
	}

	/**
	 * Reads a roster file.
	 * @param content the file's bytes
	 * @return the rows read and every problem found, by line
	 */
	public static Parsed read(byte[] content) {
		if (content == null || content.length == 0) {
			return Parsed.failed(new Problem(0, null, "roster.import.emptyFile"));
		}
		if (content.length > MAX_BYTES) {
			return Parsed.failed(new Problem(0, null, "roster.import.tooLarge", MAX_BYTES / (1024 * 1024)));
		}
		if (isWorkbook(content)) {
			return readWorkbook(content);
		}
		return readCsv(content);
	}

	private static boolean isWorkbook(byte[] content) {
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
				&& content[3] == 4;
		boolean ole2 = content.length > 8 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
				&& (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0;
		return zip || ole2;
	}

	private static Parsed readWorkbook(byte[] content) {
		List<Line> lines = new ArrayList<>();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				return Parsed.failed(new Problem(0, null, "roster.import.emptyFile"));
			}
			Sheet sheet = workbook.getSheetAt(0);
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			DataFormatter formatter = new DataFormatter(Locale.JAPAN);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						cells.add(text(row.getCell(c), formatter, evaluator));
					}
				}
				lines.add(new Line(r + 1, cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			// POI signals a damaged or password-protected file with a variety of runtime
			// exceptions; each means the same to the user.
			String key = (ex instanceof EncryptedDocumentException) ? "roster.import.encrypted"
					: "roster.import.unreadable";
			return Parsed.failed(new Problem(0, null, key));
		}
		return parse(lines, null);
	}

	private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		if (type == CellType.BOOLEAN) {
			return Boolean.toString(cell.getBooleanCellValue());
		}
		try {
			return formatter.formatCellValue(cell, evaluator);
		}
		catch (RuntimeException ex) {
			return formatter.formatCellValue(cell);
		}
	}

	private static Parsed readCsv(byte[] content) {
		Decoded decoded = decode(content);
		if (decoded == null) {
			return Parsed.failed(new Problem(0, null, "roster.import.badEncoding"));
		}
		String text = decoded.text();
		int firstBreak = text.indexOf('\n');
		String firstLine = (firstBreak < 0) ? text : text.substring(0, firstBreak);
		char separator = (firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0) ? '\t' : ',';
		return parse(Csv.lines(text, separator), decoded.encoding());
	}

	/**
	 * Decodes a CSV file strictly: UTF-8 when every byte sequence is valid UTF-8 (a BOM
	 * is dropped), else Shift_JIS as Windows writes it (windows-31j), else nothing.
	 * @param content the bytes
	 * @return the text and the encoding found, or {@code null} when neither fits
	 */
	static @Nullable Decoded decode(byte[] content) {
		if (content.length >= 2 && (((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE)
				|| ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF))) {
			return null;
		}
		boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF;
		int offset = bom ? 3 : 0;
		String utf8 = strict(StandardCharsets.UTF_8, content, offset);
		if (utf8 != null) {
			return new Decoded(utf8, bom ? "UTF-8 (BOM)" : "UTF-8");
		}
		String sjis = strict(WINDOWS_31J, content, 0);
		return (sjis != null) ? new Decoded(sjis, "Shift_JIS") : null;
	}

	private static @Nullable String strict(Charset charset, byte[] content, int offset) {
		try {
			CharBuffer chars = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static Parsed parse(List<Line> lines, @Nullable String encoding) {
		int headerIndex = -1;
		for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
			if (lines.get(i).cells().stream().anyMatch((c) -> "name".equals(COLUMNS.get(normalize(c))))) {
				headerIndex = i;
				break;
			}
		}
		if (headerIndex < 0) {
			return Parsed.failed(new Problem(0, null, "roster.import.noHeader"), encoding);
		}
		Line header = lines.get(headerIndex);
		List<Problem> problems = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		Map<Integer, String> fieldAt = new LinkedHashMap<>();
		for (int c = 0; c < header.cells().size(); c++) {
			String name = header.cells().get(c).strip();
			if (name.isEmpty()) {
				continue;
			}
			String field = COLUMNS.get(normalize(name));
			if (field == null) {
				ignored.add(name);
			}
			else if (fieldAt.containsValue(field)) {
				problems.add(new Problem(header.number(), field, "roster.import.duplicateColumn", name));
			}
			else {
				fieldAt.put(c, field);
			}
		}
		for (String field : REQUIRED) {
			if (!fieldAt.containsValue(field)) {
				problems.add(new Problem(header.number(), field, "roster.import.missingColumn"));
			}
		}
		if (!problems.isEmpty()) {
			return new Parsed(List.of(), problems, 0, header.number(), ignored, encoding);
		}
		int last = lines.size() - 1;
		while (last > headerIndex && lines.get(last).isBlank()) {
			last--;
		}
		List<Entry> rows = new ArrayList<>();
		int blank = 0;
		for (int i = headerIndex + 1; i <= last; i++) {
			Line line = lines.get(i);
			if (line.isBlank()) {
				blank++;
				continue;
			}
			if (rows.size() == MAX_ROWS) {
				problems.add(new Problem(0, null, "roster.import.tooManyRows", MAX_ROWS));
				break;
			}
			rows.add(row(line, fieldAt, header.cells().size(), problems));
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, null, "roster.import.noRows"));
		}
		return new Parsed(rows, problems, blank, header.number(), ignored, encoding);
	}

	private static Entry row(Line line, Map<Integer, String> fieldAt, int width, List<Problem> problems) {
		RosterMemberForm form = new RosterMemberForm();
		form.setRole(null);
		List<String> faulty = new ArrayList<>();
		for (int c = 0; c < line.cells().size(); c++) {
			String value = line.cells().get(c).strip();
			String field = fieldAt.get(c);
			if (field == null) {
				if (!value.isEmpty() && c >= width) {
					problems.add(new Problem(line.number(), null, "roster.import.valueWithoutColumn", c + 1));
				}
				continue;
			}
			if (InputRules.hasControlCharacter(value)) {
				problems.add(new Problem(line.number(), field, InputRules.CONTROL_CHARACTER));
				faulty.add(field);
				continue;
			}
			Problem problem = set(form, field, value, line.number());
			if (problem != null) {
				problems.add(problem);
				faulty.add(field);
			}
		}
		return new Entry(line.number(), form, faulty);
	}

	private static @Nullable Problem set(RosterMemberForm form, String field, String raw, int line) {
		String value = raw.isEmpty() ? null : raw;
		switch (field) {
			case "name" -> form.setName(value);
			case "affiliation" -> form.setAffiliation(value);
			case "duties" -> form.setDuties(value);
			case "workLocation" -> form.setWorkLocation(value);
			case "expertise" -> form.setExpertise(value);
			case "trackRecord" -> form.setTrackRecord(value);
			case "nationality" -> form.setNationality(value);
			case "role" -> {
				if (value == null) {
					return null;
				}
				WorkerRole role = ROLES.get(normalize(value).toUpperCase(Locale.ROOT));
				if (role == null) {
					role = ROLES.get(normalize(value));
				}
				if (role == null) {
					return new Problem(line, field, "roster.import.badRole", raw);
				}
				form.setRole(role);
			}
			case "handlesPersonalInformation", "handoverPerson" -> {
				Boolean flag = yesNo(value);
				if (flag == null) {
					return new Problem(line, field, "roster.import.badYesNo", raw);
				}
				if (field.equals("handoverPerson")) {
					form.setHandoverPerson(flag);
				}
				else {
					form.setHandlesPersonalInformation(flag);
				}
			}
			case "periodStart", "plannedEnd" -> {
				if (value == null) {
					return null;
				}
				LocalDate date = date(value);
				if (date == null) {
					return new Problem(line, field, "roster.import.badDate", raw);
				}
				if (field.equals("periodStart")) {
					form.setPeriodStart(date);
				}
				else {
					form.setPlannedEnd(date);
				}
			}
			default -> throw new IllegalStateException(field);
		}
		return null;
	}

	/**
	 * Reads yes or no.
	 * @param value the cell, blank meaning no
	 * @return the flag, or {@code null} when it is neither
	 */
	static @Nullable Boolean yesNo(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Boolean.FALSE;
		}
		String normalized = normalize(value).toLowerCase(Locale.ROOT);
		if (YES.contains(normalized)) {
			return Boolean.TRUE;
		}
		return NO.contains(normalized) ? Boolean.FALSE : null;
	}

	/**
	 * Reads a date as Japanese offices write it: 2026/4/1, 2026-04-01, 2026年4月1日,
	 * 令和8年4月1日 (also R8.4.1 and 平成), or an Excel serial number.
	 * @param value the cell
	 * @return the date, or {@code null} when it is not one (or no such day exists)
	 */
	static @Nullable LocalDate date(String value) {
		String normalized = normalize(value);
		try {
			Matcher western = WESTERN_DATE.matcher(normalized);
			if (western.matches()) {
				return LocalDate.of(Integer.parseInt(western.group(1)), Integer.parseInt(western.group(2)),
						Integer.parseInt(western.group(3)));
			}
			Matcher era = ERA_DATE.matcher(normalized);
			if (era.matches()) {
				int yearOfEra = "元".equals(era.group(2)) ? 1 : Integer.parseInt(era.group(2));
				if (yearOfEra < 1) {
					return null;
				}
				boolean reiwa = era.group(1).equals("令和") || era.group(1).equals("R");
				int year = (reiwa ? 2018 : 1988) + yearOfEra;
				LocalDate date = LocalDate.of(year, Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4)));
				boolean inEra = reiwa ? !date.isBefore(LocalDate.of(2019, 5, 1))
						: !date.isBefore(LocalDate.of(1989, 1, 8)) && date.isBefore(LocalDate.of(2019, 5, 1));
				return inEra ? date : null;
			}
			if (normalized.matches("\\d{5}")) {
				// An Excel serial day number (a date cell saved without its format).
				int serial = Integer.parseInt(normalized);
				return LocalDate.of(1899, 12, 30).plusDays(serial);
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static String normalize(String value) {
		String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
		return normalized.replaceAll("[\\s\\u3000]", "").replace("※", "").replace("*", "").replace("(必須)", "");
	}

	/**
	 * The text of a CSV file and the encoding it was in.
	 *
	 * @param text the text
	 * @param encoding e.g. {@code Shift_JIS}
	 */
	record Decoded(String text, String encoding) {
	}

	/**
	 * One line of the file: its number as the user sees it (1 = the first line) and its
	 * cells.
	 */
	record Line(int number, List<String> cells) {

		boolean isBlank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

	}

	/**
	 * A problem of the file.
	 *
	 * @param line the line (1 = the first), or 0 for the whole file
	 * @param field the field of the column at fault, or {@code null}
	 * @param messageKey the explanation
	 * @param arguments its arguments
	 */
	public record Problem(int line, @Nullable String field, String messageKey, Object... arguments) {
	}

	/**
	 * A row read from the file.
	 *
	 * @param line its line number
	 * @param form its values (those that could be read)
	 * @param unreadable the fields whose value could not be read
	 */
	public record Entry(int line, RosterMemberForm form, List<String> unreadable) {
	}

	/**
	 * What was read.
	 *
	 * @param rows the rows, in file order
	 * @param problems every problem, in file order
	 * @param blankLines the blank lines skipped between rows
	 * @param headerLine the header's line number, or 0 when none was found
	 * @param ignoredColumns columns whose names are not roster fields (not read)
	 * @param encoding the CSV file's encoding, or {@code null} for a workbook
	 */
	public record Parsed(List<Entry> rows, List<Problem> problems, int blankLines, int headerLine,
			List<String> ignoredColumns, @Nullable String encoding) {

		static Parsed failed(Problem problem) {
			return failed(problem, null);
		}

		static Parsed failed(Problem problem, @Nullable String encoding) {
			return new Parsed(List.of(), List.of(problem), 0, 0, List.of(), encoding);
		}

	}

	/** A small RFC 4180 reader that keeps the line each record starts on. */
	static final class Csv {

		private Csv() {
		}

		static List<Line> lines(String text, char separator) {
			List<Line> lines = new ArrayList<>();
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			int lineNumber = 1;
			int recordStart = 1;
			boolean pending = false;
			for (int i = 0; i < text.length(); i++) {
				char ch = text.charAt(i);
				if (quoted) {
					if (ch == '"') {
						if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
							cell.append('"');
							i++;
						}
						else {
							quoted = false;
						}
					}
					else {
						if (ch == '\n') {
							lineNumber++;
						}
						if (ch != '\r') {
							cell.append(ch);
						}
					}
					continue;
				}
				if (ch == '"' && cell.toString().isBlank()) {
					cell.setLength(0);
					quoted = true;
					pending = true;
				}
				else if (ch == separator) {
					cells.add(cell.toString());
					cell.setLength(0);
					pending = true;
				}
				else if (ch == '\n' || ch == '\r') {
					if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
					}
					cells.add(cell.toString());
					lines.add(new Line(recordStart, List.copyOf(cells)));
					cells.clear();
					cell.setLength(0);
					pending = false;
					lineNumber++;
					recordStart = lineNumber;
				}
				else {
					cell.append(ch);
					pending = true;
				}
			}
			if (pending || cell.length() > 0) {
				cells.add(cell.toString());
				lines.add(new Line(recordStart, List.copyOf(cells)));
			}
			return lines;
		}

	}

}
