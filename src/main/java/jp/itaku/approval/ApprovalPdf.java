package jp.itaku.approval;

import java.util.Locale;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Actor;
import jp.itaku.platform.Dates;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the written application for a prior approval (承認申請書) as PDF/A-2b, in Japanese:
 * the number, the contract and its parties, the clause and what it says, the reason and
 * every field the act's requirement asks for.
 */
@Component
class ApprovalPdf {

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	ApprovalPdf(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.messages = messages;
		this.organisationReads = organisationReads;
	}

	byte[] application(Contract contract, ApprovableAct act, Approval a, Actor applicant) {
		PdfForm form = PdfForm.titled(text("approval.pdf.title"))
			.createdAt(a.getAppliedAt())
			.line(text("approval.field.number"), a.number())
			.line(text("approval.pdf.contract"), contract.getNumber() + " " + contract.getTitle())
			.line(text("approval.pdf.client"), name(contract.getClientOrganisationId()))
			.line(text("approval.pdf.applicant"), name(a.getAppliedByOrganisationId()) + " " + applicant.displayName())
			.line(text("approval.field.action"), text("approval.action." + a.getAction().name()))
			.line(text("approval.field.clause"), a.getClauseRef())
			.line(text("approval.pdf.requirement"), act.summary())
			.line(text("approval.field.reason"), a.getReason());
		for (ApprovalField field : act.fields()) {
			form.line(text("approval.field." + field.name()), value(a, field));
		}
		return form.paragraph(text("approval.pdf.sentence", a.getClauseRef())).toPdf();
	}

	String fileName(Approval a) {
		return "承認申請書_" + a.number() + ".pdf";
	}

	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.JAPANESE);
	}

	private String value(Approval a, ApprovalField field) {
		return switch (field) {
			case LOCATION -> orEmpty(a.getLocation());
			case THIRD_PARTY -> orEmpty(a.getThirdParty());
			case SAFEGUARDS -> orEmpty(a.getSafeguards());
			case PURPOSE -> orEmpty(a.getPurpose());
			case SYSTEMS -> orEmpty(a.getSystems());
			case INFORMATION -> orEmpty(a.getInformation());
			case PERIOD -> ((a.getPeriodFrom() != null) ? Dates.wareki(a.getPeriodFrom()) : "") + " 〜 "
					+ ((a.getPeriodUntil() != null) ? Dates.wareki(a.getPeriodUntil()) : "");
		};
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private String name(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

}
