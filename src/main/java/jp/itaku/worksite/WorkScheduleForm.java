package jp.itaku.worksite;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
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
 * Renders a month's work schedule as the written form the client receives (勤務予定表, Kadoma
 * 2(2)): who works on which day and when, one line per person and day, in Japanese; a
 * changed schedule says which version it is.
 */
@Component
class WorkScheduleForm {

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	WorkScheduleForm(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] render(Contract contract, YearMonth month, int version, boolean change, List<WorkShift> shifts,
			LocalDate filedOn) {
		PdfForm form = PdfForm
			.titled(change ? text("worksite.pdf.title.change", month.getYear(), month.getMonthValue(), version)
					: text("worksite.pdf.title", month.getYear(), month.getMonthValue()))
			.line(text("worksite.pdf.filedOn"), Dates.wareki(filedOn))
			.line(text("worksite.pdf.client"), organisationName(contract.getClientOrganisationId()))
			.line(text("worksite.pdf.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(text("worksite.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.paragraph(change ? text("worksite.pdf.lead.change", version) : text("worksite.pdf.lead"));
		List<List<String>> rows = shifts.stream()
			.sorted(Comparator.comparing(WorkShift::getDay).thenComparing(WorkShift::getMemberName))
			.map((s) -> List.of(dayText(s.getDay()), s.getMemberName(), s.shift().toLongText()))
			.toList();
		form.table(List.of(text("worksite.pdf.day"), text("worksite.pdf.name"), text("worksite.pdf.shift")),
				new float[] { 2, 3, 3 }, rows);
		return form.toPdf();
	}

	String fileName(YearMonth month, int version) {
		return "勤務予定表_" + month + ((version > 1) ? "_第" + version + "版" : "") + ".pdf";
	}

	String comment(YearMonth month, int version, boolean change) {
		return change ? text("worksite.submit.comment.change", month.getYear(), month.getMonthValue(), version)
				: text("worksite.submit.comment", month.getYear(), month.getMonthValue());
	}

	String subject(YearMonth month, int version) {
		return text("worksite.change.subject", month.getYear(), month.getMonthValue(), version);
	}

	private String dayText(LocalDate day) {
		return text("worksite.pdf.dayFormat", day.getMonthValue(), day.getDayOfMonth(),
				text("worksite.weekday." + day.getDayOfWeek()));
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		Object[] plain = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			// Numbers as written, without grouping (2026, not 2,026).
			plain[i] = (arguments[i] instanceof Number) ? arguments[i].toString() : arguments[i];
		}
		return this.messages.getMessage(key, plain, JAPANESE);
	}

}
