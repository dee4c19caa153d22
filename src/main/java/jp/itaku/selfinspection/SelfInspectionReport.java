package jp.itaku.selfinspection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a month's answered self-inspection as the written report the client receives
 * (自己点検結果報告書, Kadoma 11(1)): every question with its clause reference, the answer, the
 * remarks and, for a "no", the corrective action and its due date. In Japanese.
 */
@Component
class SelfInspectionReport {

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	SelfInspectionReport(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	// an answer has a corrective action exactly when it has its due date
	// (SelfInspectionAnswer.answer)
	@SuppressWarnings("NullAway")
	byte[] render(Contract contract, YearMonth month, List<SelfInspectionAnswer> rows, LocalDate filedOn) {
		SelfInspections.Counts counts = SelfInspections.Counts.of(rows);
		PdfForm form = PdfForm.titled(text("selfinspection.pdf.title", month.getYear(), month.getMonthValue()))
			.line(text("selfinspection.pdf.filedOn"), Dates.wareki(filedOn))
			.line(text("selfinspection.pdf.client"), organisationName(contract.getClientOrganisationId()))
			.line(text("selfinspection.pdf.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(text("selfinspection.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.paragraph(text("selfinspection.pdf.lead", month.getYear(), month.getMonthValue()))
			.line(text("selfinspection.pdf.summary"),
					text("selfinspection.pdf.counts", counts.yes(), counts.no(), counts.notApplicable()));
		List<List<String>> table = new ArrayList<>();
		int number = 1;
		for (SelfInspectionAnswer row : rows) {
			StringBuilder note = new StringBuilder();
			if (row.getRemarks() != null) {
				note.append(row.getRemarks());
			}
			if (row.getCorrectiveAction() != null) {
				if (note.length() > 0) {
					note.append('\n');
				}
				note.append(
						text("selfinspection.pdf.action", row.getCorrectiveAction(), Dates.wareki(row.getActionDue())));
			}
			if (row.getEvidenceName() != null) {
				if (note.length() > 0) {
					note.append('\n');
				}
				note.append(text("selfinspection.pdf.evidence", row.getEvidenceName()));
			}
			table.add(List.of(String.valueOf(number++), row.getClauseRef(), row.getQuestion(),
					(row.getAnswer() != null) ? text("selfinspection.answer." + row.getAnswer().name()) : "",
					note.toString()));
		}
		form.table(List.of(text("selfinspection.pdf.number"), text("selfinspection.pdf.ref"),
				text("selfinspection.pdf.question"), text("selfinspection.pdf.answer"),
				text("selfinspection.pdf.note")), new float[] { 1, 2, 8, 2, 6 }, table);
		return form.toPdf();
	}

	String fileName(YearMonth month) {
		return "自己点検結果報告書_" + month + ".pdf";
	}

	String comment(YearMonth month, SelfInspections.Counts counts) {
		return text("selfinspection.submit.comment", month.getYear(), month.getMonthValue(), counts.yes(), counts.no(),
				counts.notApplicable());
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		Object[] plain = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			plain[i] = (arguments[i] instanceof Number) ? arguments[i].toString() : arguments[i];
		}
		return this.messages.getMessage(key, plain, JAPANESE);
	}

}
