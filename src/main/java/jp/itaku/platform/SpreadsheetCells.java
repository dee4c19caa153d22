package jp.itaku.platform;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

import org.jspecify.annotations.Nullable;

/**
 * Writes text that users supplied into the cells of every export, CSV and Excel alike, so
 * that a spreadsheet never runs it as a formula (CSV injection: {@code =HYPERLINK(…)},
 * {@code +cmd|' /C calc'!A0}, {@code @SUM(1)}). A CSV field that starts like a formula is
 * prefixed with an apostrophe, which Excel shows as text; an Excel cell keeps the text
 * exactly and is marked quote-prefixed (Excel's own "this is text" flag), so that editing
 * it does not turn it into a formula either. Every CSV and xlsx writer goes through here.
 */
public final class SpreadsheetCells {

	/** What a spreadsheet reads as the start of a formula, ASCII and full-width. */
	private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

	private SpreadsheetCells() {
	}

	/**
	 * Returns whether a spreadsheet would read a text as a formula.
	 * @param value the text, may be {@code null}
	 * @return {@code true} when it starts with {@code = + - @}, a tab or a carriage
	 * return (or their full-width forms)
	 */
	public static boolean isFormulaLike(@Nullable String value) {
		return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
	}

	/**
	 * Returns a text that a spreadsheet reads as text.
	 * @param value the text, may be {@code null}
	 * @return the text, prefixed with an apostrophe when it looks like a formula; empty
	 * for {@code null}
	 */
	public static String neutralised(String value) {
		if (value == null) {
			return "";
		}
		return isFormulaLike(value) ? "'" + value : value;
	}

	/**
	 * Returns a CSV field (RFC 4180) of a text, neutralised.
	 * @param value the text, may be {@code null}
	 * @return the field, quoted when it holds a comma, a quote or a line break
	 */
	public static String csvField(String value) {
		String safe = neutralised(value);
		if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	/**
	 * Sets a cell to a text: the text exactly, as a string cell, quote-prefixed when it
	 * looks like a formula.
	 * @param cell the cell
	 * @param value the text, may be {@code null} (an empty cell text)
	 */
	public static void text(Cell cell, @Nullable String value) {
		cell.setCellValue((value != null) ? value : "");
		if (isFormulaLike(value) && !cell.getCellStyle().getQuotePrefixed()) {
			cell.setCellStyle(quotePrefixed(cell.getSheet().getWorkbook(), cell.getCellStyle()));
		}
	}

	private static CellStyle quotePrefixed(Workbook workbook, CellStyle base) {
		for (int i = 0; i < workbook.getNumCellStyles(); i++) {
			CellStyle candidate = workbook.getCellStyleAt(i);
			if (candidate.getQuotePrefixed() && sameLook(candidate, base)) {
				return candidate;
			}
		}
		CellStyle style = workbook.createCellStyle();
		style.cloneStyleFrom(base);
		style.setQuotePrefixed(true);
		return style;
	}

	private static boolean sameLook(CellStyle a, CellStyle b) {
		return a.getFontIndex() == b.getFontIndex() && a.getDataFormat() == b.getDataFormat()
				&& a.getWrapText() == b.getWrapText() && a.getAlignment() == b.getAlignment()
				&& a.getVerticalAlignment() == b.getVerticalAlignment() && a.getBorderTop() == b.getBorderTop()
				&& a.getBorderBottom() == b.getBorderBottom() && a.getBorderLeft() == b.getBorderLeft()
				&& a.getBorderRight() == b.getBorderRight() && a.getFillPattern() == b.getFillPattern()
				&& a.getFillForegroundColor() == b.getFillForegroundColor();
	}

}
