package jp.itaku.approval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;
import jp.itaku.platform.SpreadsheetCells;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's approvals register as an Excel workbook, so that the client keeps its own
 * decisions: one row per application of this workflow and of the dedicated flows, with
 * act, clause, subject, state and validity. Every export is audited.
 */
@Service
public class ApprovalWorkbook {

	private final Approvals approvals;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Dates dates;

	ApprovalWorkbook(Approvals approvals, MessageSource messages, AuditTrail audit, Dates dates) {
		this.dates = dates;
		this.approvals = approvals;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Writes the register of a contract.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the workbook's bytes
	 */
	@Transactional
	public byte[] export(Actor actor, UUID contractId) {
		Approvals.Register register = this.approvals.register(actor, contractId);
		Locale locale = LocaleContextHolder.getLocale();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet(text(locale, "approval.sheet"));
			SpreadsheetCells.text(sheet.createRow(0).createCell(0), register.contract().getNumber() + " "
					+ register.contract().getTitle() + " — " + text(locale, "approval.title"));
			List<String> headers = List.of("approval.field.number", "approval.field.action", "approval.field.clause",
					"approval.field.subject", "approval.field.status", "approval.field.validFrom",
					"approval.field.validUntil", "approval.field.conditions", "approval.field.appliedAt",
					"approval.field.decidedAt");
			Row header = sheet.createRow(2);
			for (int i = 0; i < headers.size(); i++) {
				SpreadsheetCells.text(header.createCell(i), text(locale, headers.get(i)));
			}
			int r = 3;
			for (Approval a : register.approvals()) {
				String subject = (a.getLocation() != null) ? a.getLocation()
						: (a.getThirdParty() != null) ? a.getThirdParty() : a.getReason();
				row(sheet.createRow(r++), locale, a.number(), a.getAction().name(), a.getClauseRef(), subject,
						a.getStatus(), a.getValidFrom(), a.getValidUntil(), a.getConditions(), a.getAppliedAt(),
						a.getDecidedAt());
			}
			for (ApprovalSource.Entry e : register.others()) {
				row(sheet.createRow(r++), locale, e.number(), e.action().name(), "", e.subject(), e.status(),
						e.validFrom(), e.validUntil(), null, e.appliedAt(), e.decidedAt());
			}
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, 20 * 256);
			}
			workbook.write(out);
			this.audit.record(AuditRecord.of("APPROVAL_REGISTER_EXPORTED")
				.actor(actor)
				.target("Contract", contractId)
				.detail("rows", r - 3));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void row(Row row, Locale locale, String number, String action, String clause, String subject,
			ApprovalStatus status, @Nullable LocalDate from, @Nullable LocalDate until, @Nullable String conditions,
			Instant appliedAt, @Nullable Instant decidedAt) {
		SpreadsheetCells.text(row.createCell(0), number);
		SpreadsheetCells.text(row.createCell(1), text(locale, "approval.action." + action));
		SpreadsheetCells.text(row.createCell(2), clause);
		SpreadsheetCells.text(row.createCell(3), subject);
		SpreadsheetCells.text(row.createCell(4), text(locale, "approval.status." + status.name()));
		SpreadsheetCells.text(row.createCell(5), (from != null) ? from.toString() : "");
		SpreadsheetCells.text(row.createCell(6), (until != null) ? until.toString() : "");
		SpreadsheetCells.text(row.createCell(7), (conditions != null) ? conditions : "");
		SpreadsheetCells.text(row.createCell(8), this.dates.dateTime(appliedAt));
		SpreadsheetCells.text(row.createCell(9), this.dates.dateTime(decidedAt));
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
