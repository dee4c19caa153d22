package jp.itaku.subcontract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.platform.SpreadsheetCells;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.Actor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of a contract as an Excel workbook (one row per level, as far as the actor
 * sees it): level, applicant, subcontractor, period, work, personal information, state,
 * active roster members and open obligations. Every export is audited.
 */
@Service
public class ChainWorkbook {

	private final Subcontracts subcontracts;

	private final MessageSource messages;

	private final AuditTrail audit;

	ChainWorkbook(Subcontracts subcontracts, MessageSource messages, AuditTrail audit) {
		this.subcontracts = subcontracts;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Writes the chain the actor sees.
	 * @param actor the acting user
	 * @param contractId the contract
	 * @return the workbook's bytes
	 */
	@Transactional
	public byte[] export(Actor actor, UUID contractId) {
		Subcontracts.Chain chain = this.subcontracts.chain(actor, contractId);
		Locale locale = LocaleContextHolder.getLocale();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet(text(locale, "subcontract.title"));
			Row title = sheet.createRow(0);
			SpreadsheetCells.text(title.createCell(0), chain.contract().getNumber() + " " + chain.contract().getTitle()
					+ " — " + text(locale, "subcontract.title"));
			List<String> headers = List.of("subcontract.number", "subcontract.levelColumn",
					"subcontract.field.applicant", "subcontract.field.subcontractorName",
					"subcontract.field.subcontractorAddress", "subcontract.field.periodStart",
					"subcontract.field.periodEnd", "subcontract.field.workContent",
					"subcontract.field.personalInformation", "subcontract.status", "subcontract.rosterReady",
					"subcontract.openObligations");
			Row header = sheet.createRow(2);
			for (int i = 0; i < headers.size(); i++) {
				SpreadsheetCells.text(header.createCell(i), text(locale, headers.get(i)));
			}
			int r = 3;
			for (Subcontracts.Node node : chain.nodes()) {
				Subcontract s = node.subcontract();
				Row row = sheet.createRow(r++);
				SpreadsheetCells.text(row.createCell(0), "SUB-" + s.getSeq());
				row.createCell(1).setCellValue(s.getDepth());
				SpreadsheetCells.text(row.createCell(2), node.applicantName());
				SpreadsheetCells.text(row.createCell(3), s.getSubcontractorName());
				SpreadsheetCells.text(row.createCell(4), s.getSubcontractorAddress());
				SpreadsheetCells.text(row.createCell(5), s.getPeriodStart().toString());
				SpreadsheetCells.text(row.createCell(6), s.getPeriodEnd().toString());
				SpreadsheetCells.text(row.createCell(7), s.getWorkContent());
				SpreadsheetCells.text(row.createCell(8),
						text(locale, s.isPersonalInformation() ? "subcontract.yes" : "subcontract.no"));
				SpreadsheetCells.text(row.createCell(9), text(locale, "subcontract.status." + s.getStatus().name()));
				row.createCell(10).setCellValue(node.activeRosterMembers());
				row.createCell(11).setCellValue(node.openObligations());
			}
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, 20 * 256);
			}
			workbook.write(out);
			this.audit.record(AuditRecord.of("SUBCONTRACT_CHAIN_EXPORTED")
				.actor(actor)
				.target("Contract", contractId)
				.detail("rows", chain.nodes().size()));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
