package jp.itaku.worksite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.itaku.platform.InvalidInputProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.jspecify.annotations.Nullable;

/**
 * An imported table: the rows of a CSV file (UTF-8 with or without BOM, or Shift_JIS as
 * Excel writes it in Japan) or of the first sheet of an Excel workbook (.xlsx), as text.
 * Blank rows are dropped; each row keeps its line number for error messages.
 *
 * @param rows the rows, the header first
 */
record TextTable(List<Row> rows) {

	/** Windows' Shift_JIS, a superset of it (NEC and IBM extensions, e.g. ①, 髙). */
	static final Charset SHIFT_JIS = Charset.forName("windows-31j");

	private static final int MAX_ROWS = 5000;

	/**
	 * Reads an uploaded file.
	 * @param fileName the file's name, to tell a workbook from CSV
	 * @param content its bytes
	 * @return the table
	 * @throws InvalidInputProblem when the file cannot be read
	 */
	static TextTable read(@Nullable String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInputProblem("file", "worksite.import.empty");
		}
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		if (zip || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"))) {
			return workbook(content);
		}
		return csv(decode(content));
	}

	/**
	 * Decodes CSV bytes: UTF-8 when they are valid UTF-8 (a BOM is dropped), else
	 * Shift_JIS.
	 * @param content the bytes
	 * @return the text
	 */
	static String decode(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return new String(content, SHIFT_JIS);
		}
	}

	/**
	 * Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).
	 * @param text the text
	 * @return the table
	 */
	static TextTable csv(String text) {
		List<Row> rows = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				add(rows, rowLine, cells);
				cells = new ArrayList<>();
				line++;
				rowLine = line;
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !cells.isEmpty()) {
			cells.add(cell.toString());
			add(rows, rowLine, cells);
		}
		return new TextTable(rows);
	}

	private static TextTable workbook(byte[] content) {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.JAPAN);
			List<Row> rows = new ArrayList<>();
			for (org.apache.poi.ss.usermodel.Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					cells.add((cell != null) ? formatter.formatCellValue(cell) : "");
				}
				add(rows, row.getRowNum() + 1, cells);
			}
			return new TextTable(rows);
		}
		catch (InvalidInputProblem ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInputProblem("file", "worksite.import.unreadable");
		}
	}

	private static void add(List<Row> rows, int line, List<String> cells) {
		if (cells.stream().allMatch((c) -> c == null || c.isBlank())) {
			return;
		}
		if (rows.size() >= MAX_ROWS) {
			throw new InvalidInputProblem("file", "worksite.import.tooManyRows", MAX_ROWS);
		}
		rows.add(new Row(line, List.copyOf(cells)));
	}

	/**
	 * One row.
	 *
	 * @param line its line (CSV) or row (workbook) number, from 1
	 * @param cells its cells as text
	 */
	record Row(int line, List<String> cells) {

		/**
		 * Returns a cell, stripped.
		 * @param index the column, from 0
		 * @return the text; empty when the row is shorter
		 */
		String cell(int index) {
			return (index >= 0 && index < this.cells.size() && this.cells.get(index) != null)
					? this.cells.get(index).strip() : "";
		}

	}

}
