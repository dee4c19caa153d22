package jp.itaku.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the audit report (監査・検査結果報告書) in Japanese as PDF/A-2b: the contract and
 * parties, the plan (kind, day, the party inspected and its level, scope, inspectors),
 * the checklist with each line's result, the findings with their instruction, due date
 * and state, and the requests for material; and the subjects of the obligations findings
 * and requests raise.
 */
@Component
class InspectionReport {

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	InspectionReport(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] render(Inspections.Detail detail, Instant now) {
		Inspection inspection = detail.inspection();
		PdfForm form = PdfForm.titled(text("inspection.pdf.title"))
			.line(text("inspection.field.number"), inspection.getNumber())
			.line(text("inspection.pdf.client"), organisationName(detail.contract().getClientOrganisationId()))
			.line(text("inspection.pdf.contractor"), organisationName(detail.contract().getContractorOrganisationId()))
			.line(text("inspection.pdf.contract"), detail.contract().getNumber() + " " + detail.contract().getTitle())
			.line(text("inspection.field.kind"), text("inspection.kind." + inspection.getKind().name()))
			.line(text("inspection.field.heldOn"), Dates.wareki(inspection.getHeldOn()))
			.line(text("inspection.field.inspectors"), inspection.getInspectors())
			.line(text("inspection.field.inspected"), inspected(detail.inspected()))
			.paragraph(text("inspection.field.scope") + "\n" + inspection.getScope());
		form.paragraph(text("inspection.checklist"));
		List<List<String>> lines = new ArrayList<>();
		for (ChecklistLine line : detail.lines()) {
			lines.add(List.of(line.getClauseRef(), line.getSummary(),
					text("inspection.result." + line.getResult().name()),
					(line.getNote() != null) ? line.getNote() : ""));
		}
		form.table(
				List.of(text("inspection.field.clauseRef"), text("inspection.field.summary"),
						text("inspection.field.result"), text("inspection.field.note")),
				new float[] { 1.2f, 5f, 1.3f, 3f }, lines);
		form.paragraph(text("inspection.findings"));
		if (detail.findings().isEmpty()) {
			form.paragraph(text("inspection.findings.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (InspectionFindings.FindingView view : detail.findings()) {
				Finding f = view.finding();
				rows.add(List.of(view.key(), text("inspection.severity." + f.getSeverity().name()), f.getClauseRef(),
						f.getDescription(), (f.getInstruction() != null) ? f.getInstruction() : "",
						(f.getDueOn() != null) ? Dates.wareki(f.getDueOn()) : "",
						text("finding.status.short." + f.getStatus().name())));
			}
			form.table(
					List.of(text("inspection.field.findingNumber"), text("inspection.field.severity"),
							text("inspection.field.clauseRef"), text("inspection.field.description"),
							text("inspection.field.instruction"), text("inspection.field.dueOn"),
							text("inspection.field.status")),
					new float[] { 1.3f, 0.9f, 0.8f, 3f, 3f, 1.8f, 1.4f }, rows);
		}
		if (!detail.requests().isEmpty()) {
			form.paragraph(text("inspection.requests"));
			List<List<String>> rows = new ArrayList<>();
			for (MaterialRequests.RequestView view : detail.requests()) {
				MaterialRequest r = view.request();
				rows.add(List.of(view.key(), text("deliverable." + r.getDeliverable().name()), r.getDescription(),
						Dates.wareki(r.getDueOn()), text("inspection.requestState." + view.state())));
			}
			form.table(List.of(text("inspection.field.requestNumber"), text("inspection.field.deliverable"),
					text("inspection.field.description"), text("inspection.field.dueOn"),
					text("inspection.field.status")), new float[] { 1.3f, 2f, 4f, 1.6f, 1.4f }, rows);
		}
		return form.createdAt(now).toPdf();
	}

	String fileName(Inspection inspection) {
		return "監査・検査結果報告書_" + inspection.getNumber() + ".pdf";
	}

	String subject(Inspection inspection, Finding finding) {
		return text("inspection.obligation.finding", finding.keyIn(inspection), finding.getClauseRef());
	}

	String requestSubject(Inspection inspection, MaterialRequest request) {
		String what = request.getDescription();
		// The obligation's subject holds at most 300 characters.
		if (what.length() > 200) {
			what = what.substring(0, 199) + "…";
		}
		return text("inspection.obligation.request", request.keyIn(inspection), what);
	}

	/**
	 * Names the party inspected with its level, as the pages do: 「受託者 〇〇」 or 「第1次再委託先
	 * 〇〇」.
	 */
	private String inspected(Inspections.InspectedParty party) {
		return party.subcontractor() ? text("inspection.inspected.subcontractor", party.level(), party.name())
				: text("inspection.inspected.contractor", party.name());
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

}
