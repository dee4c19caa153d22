package jp.itaku.subcontract;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the written application for a subcontract (再委託承認申請書: Kadoma 8(2), Gunma
 * 14(2)(3), Nerima 15②) and the supervision report (再委託先管理監督報告書: Kadoma 8(5), Nerima
 * 22②), in Japanese.
 */
@Component
class SubcontractPdf {

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	SubcontractPdf(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] application(Contract contract, Subcontract s, List<SubcontractDocument> documents) {
		String yes = text("subcontract.yes");
		String no = text("subcontract.no");
		PdfForm form = PdfForm.titled(text("subcontract.pdf.title"))
			.line(text("subcontract.pdf.number"), "SUB-" + s.getSeq())
			.line(text("subcontract.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("subcontract.pdf.client"), name(contract.getClientOrganisationId()))
			.line(text("subcontract.pdf.applicant"), name(s.getApplicantOrganisationId()))
			.line(text("subcontract.pdf.level"), text("subcontract.level", s.getDepth()))
			.line(text("subcontract.field.subcontractorName"), s.getSubcontractorName())
			.line(text("subcontract.field.subcontractorAddress"), s.getSubcontractorAddress())
			.line(text("subcontract.field.period"),
					Dates.wareki(s.getPeriodStart()) + " 〜 " + Dates.wareki(s.getPeriodEnd()))
			.line(text("subcontract.field.reason"), s.getReason())
			.line(text("subcontract.field.workContent"), s.getWorkContent())
			.line(text("subcontract.field.informationHandled"), s.getInformationHandled())
			.line(text("subcontract.field.personalInformation"), s.isPersonalInformation() ? yes : no)
			.line(text("subcontract.field.safetyMeasures"), s.getSafetyMeasures())
			.line(text("subcontract.field.supervisionMethod"), s.getSupervisionMethod())
			.line(text("subcontract.field.securityLead"), s.getSecurityLead())
			.line(text("subcontract.field.workers"), String.join("、", s.getWorkers()))
			.line(text("subcontract.field.safetyMeasuresChecked"), s.isSafetyMeasuresChecked() ? yes : no)
			.line(text("subcontract.field.bindsSameClauses"), s.isBindsSameClauses() ? yes : no)
			.line(text("subcontract.field.ancillaryUnavoidable"), s.isAncillaryUnavoidable() ? yes : no)
			.paragraph(text("subcontract.pdf.sentence"));
		if (!documents.isEmpty()) {
			// The subcontractor's own documents carried by the application (Setagaya 4),
			// each file with its SHA-256.
			form.paragraph(text("subcontract.documents.pdf.sentence"));
			form.table(
					List.of(text("subcontract.documents.type"), text("subcontract.documents.file"),
							text("subcontract.documents.sha256")),
					new float[] { 3, 3, 6 },
					documents.stream()
						.map((d) -> List.of(text("deliverable." + d.getDeliverable().name()), d.getFileName(),
								d.getSha256()))
						.toList());
		}
		return form.toPdf();
	}

	byte[] supervisionReport(Contract contract, List<Subcontract> subcontracts, List<SupervisionRecord> records) {
		PdfForm form = PdfForm.titled(text("subcontract.supervision.pdf.title"))
			.line(text("subcontract.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("subcontract.pdf.client"), name(contract.getClientOrganisationId()))
			.line(text("subcontract.pdf.applicant"), name(contract.getContractorOrganisationId()))
			.paragraph(text("subcontract.supervision.pdf.sentence"));
		List<List<String>> rows = records.stream().map((r) -> {
			String who = subcontracts.stream()
				.filter((s) -> s.getId().equals(r.getSubcontractId()))
				.map(Subcontract::getSubcontractorName)
				.findFirst()
				.orElse("");
			return List.of(Dates.wareki(r.getSupervisedOn()), who, r.getMethod(), r.getResult(),
					(r.getFindings() != null) ? r.getFindings() : text("subcontract.supervision.noFindings"));
		}).toList();
		form.table(List.of(text("subcontract.supervision.supervisedOn"), text("subcontract.field.subcontractorName"),
				text("subcontract.supervision.method"), text("subcontract.supervision.result"),
				text("subcontract.supervision.findings")), new float[] { 2, 3, 3, 4, 4 }, rows);
		return form.toPdf();
	}

	byte[] staffNotice(Contract contract, Subcontract s, int number, List<RosterMember> staff,
			@Nullable String securityLead, LocalDate today) {
		PdfForm form = PdfForm
			.titled(text((number == 1) ? "subcontract.staff.pdf.title" : "subcontract.staff.pdf.titleChange"))
			.line(text("subcontract.staff.pdf.number"), text("subcontract.staff.pdf.numberValue", s.getSeq(), number))
			.line(text("subcontract.staff.pdf.date"), Dates.wareki(today))
			.line(text("subcontract.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("subcontract.pdf.client"), name(contract.getClientOrganisationId()))
			.line(text("subcontract.pdf.applicant"), name(s.getApplicantOrganisationId()))
			.line(text("subcontract.field.subcontractorName"), s.getSubcontractorName())
			.line(text("subcontract.field.securityLead"), (securityLead != null) ? securityLead : s.getSecurityLead())
			.paragraph(text("subcontract.staff.pdf.sentence"));
		List<List<String>> rows = staff.stream()
			.map((m) -> List.of(m.getName(), text("roster.role." + m.getRole().name()), m.getAffiliation(),
					Dates.wareki(m.getPeriodStart()) + " 〜 "
							+ ((m.getActualEnd() != null) ? Dates.wareki(m.getActualEnd())
									: (m.getPlannedEnd() != null) ? Dates.wareki(m.getPlannedEnd()) : ""),
					text("roster.status." + m.getStatus().name())))
			.toList();
		form.table(
				List.of(text("roster.field.name"), text("roster.field.role"), text("roster.field.affiliation"),
						text("roster.notice.period"), text("roster.field.status")),
				new float[] { 3, 3, 3, 4, 2 }, rows);
		return form.toPdf();
	}

	String fileName(Subcontract s) {
		return "再委託承認申請書_SUB-" + s.getSeq() + ".pdf";
	}

	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

	private String name(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

}
