package jp.itaku.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the written incident report (事故等報告書, Setagaya 36, Kadoma 12(1)ア, Nerima 24⑷,
 * Gunma 16) and the recurrence prevention report (再発防止策報告書, Nerima 24⑵⑶) in Japanese as
 * PDF/A: contract and parties, what happened, when it was detected and reported, where,
 * which information and how many records, the containment measures.
 */
@Component
class IncidentReportForm {

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	IncidentReportForm(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] render(Contract contract, Incident incident) {
		PdfForm form = header(PdfForm.titled(text("incident.pdf.title")), contract, incident)
			.line(text("incident.field.category"), text("incident.category." + incident.getCategory().name()))
			.line(text("incident.field.suspected"),
					text(incident.isSuspected() ? "incident.suspected.true" : "incident.suspected.false"))
			.line(text("incident.field.detectedAt"), when(incident.getDetectedAt()))
			.line(text("incident.field.reportedAt"), when(incident.getReportedAt()))
			.line(text("incident.field.reporter"), incident.getReporterName())
			.line(text("incident.field.location"), incident.getLocation())
			.line(text("incident.field.information"),
					(incident.getInformation() != null) ? incident.getInformation() : text("incident.none"))
			.line(text("incident.field.recordCount"),
					(incident.getRecordCount() != null) ? text("incident.records", incident.getRecordCount())
							: text("incident.recordCount.unknown"))
			.paragraph(text("incident.pdf.sentence"))
			.paragraph(text("incident.field.description") + "\n" + incident.getDescription())
			.paragraph(text("incident.field.containment") + "\n"
					+ ((incident.getContainment() != null) ? incident.getContainment() : text("incident.none")));
		return form.createdAt(incident.getReportedAt()).toPdf();
	}

	// the report form is made when the prevention is recorded, which stamps preventionAt
	@SuppressWarnings("NullAway")
	byte[] renderPrevention(Contract contract, Incident incident) {
		PdfForm form = header(PdfForm.titled(text("incident.prevention.pdf.title")), contract, incident)
			.line(text("incident.field.category"), text("incident.category." + incident.getCategory().name()))
			.line(text("incident.field.detectedAt"), when(incident.getDetectedAt()))
			.paragraph(text("incident.field.cause") + "\n" + incident.getCause())
			.paragraph(text("incident.field.prevention") + "\n" + incident.getPrevention());
		return form.createdAt(incident.getPreventionAt()).toPdf();
	}

	private PdfForm header(PdfForm form, Contract contract, Incident incident) {
		return form.line(text("incident.pdf.number"), incident.getNumber())
			.line(text("incident.pdf.client"), organisationName(contract.getClientOrganisationId()))
			.line(text("incident.pdf.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(text("incident.pdf.contract"), contract.getNumber() + " " + contract.getTitle());
	}

	String fileName(Incident incident) {
		return "事故等報告書_" + incident.getNumber() + ".pdf";
	}

	String preventionFileName(Incident incident) {
		return "再発防止策報告書_" + incident.getNumber() + ".pdf";
	}

	String subject(Incident incident) {
		return text("incident.obligation.subject", incident.getNumber(),
				text("incident.category." + incident.getCategory().name()));
	}

	String comment(Incident incident) {
		return text("incident.obligation.comment", incident.getNumber());
	}

	String preventionComment(Incident incident) {
		return text("incident.prevention.comment", incident.getNumber());
	}

	private static String when(Instant instant) {
		var at = ItakuTime.inTokyo(instant);
		return Dates.wareki(at.toLocalDate()) + " " + String.format("%d:%02d", at.getHour(), at.getMinute());
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

}
