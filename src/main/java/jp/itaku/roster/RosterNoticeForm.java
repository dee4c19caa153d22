package jp.itaku.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Dates;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a roster notice as a written form in Japanese: the roster itself (従事者名簿) or a
 * change notice (変更届) listing exactly the changes, followed by the roster after them. The
 * nationality is never printed: it stays encrypted in the system.
 */
@Component
class RosterNoticeForm {

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final MessageSource messages;

	private final OrganisationSystemReads organisationReads;

	RosterNoticeForm(MessageSource messages, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.messages = messages;
	}

	byte[] render(Contract contract, int number, List<RosterChange> changes, List<RosterMember> roster,
			RosterContents required, boolean nationalityAsked, LocalDate filedOn) {
		PdfForm form = PdfForm
			.titled((number == 1) ? text("roster.notice.title.initial") : text("roster.notice.title.change", number))
			.line(text("roster.notice.filedOn"), Dates.wareki(filedOn))
			.line(text("roster.notice.client"), organisationName(contract.getClientOrganisationId()))
			.line(text("roster.notice.contractor"), organisationName(contract.getContractorOrganisationId()))
			.line(text("roster.notice.contract"), contract.getNumber() + " " + contract.getTitle());
		if (number == 1) {
			form.paragraph(text("roster.notice.lead.initial"));
		}
		else {
			form.paragraph(text("roster.notice.lead.change"));
			List<List<String>> rows = new ArrayList<>();
			for (RosterChange change : changes) {
				String kind = text("roster.change.kind." + change.getKind());
				if (change.getKind() == RosterChange.Kind.ADDED) {
					rows.add(List.of(kind, change.getMemberName(), text("roster.notice.allFields"), "", ""));
				}
				for (FieldChange field : change.getFields()) {
					rows.add(List.of(kind, change.getMemberName(), text("roster.field." + field.field()),
							value(field.field(), field.before()), value(field.field(), field.after())));
				}
			}
			form.table(
					List.of(text("roster.notice.kind"), text("roster.field.name"), text("roster.notice.item"),
							text("roster.notice.before"), text("roster.notice.after")),
					new float[] { 1, 2, 2, 3, 3 }, rows);
			form.paragraph(text("roster.notice.after.heading"));
		}
		List<List<String>> rows = new ArrayList<>();
		for (RosterMember member : roster) {
			rows.add(List.of(member.getName(), member.getAffiliation(), text("roster.role." + member.getRole()),
					nullToEmpty(member.getDuties()), nullToEmpty(member.getWorkLocation()),
					value("handlesPersonalInformation", String.valueOf(member.isHandlesPersonalInformation())) + " / "
							+ value("handoverPerson", String.valueOf(member.isHandoverPerson())),
					Dates.wareki(member.getPeriodStart()) + "〜"
							+ ((member.getActualEnd() != null) ? Dates.wareki(member.getActualEnd())
									: (member.getPlannedEnd() != null) ? Dates.wareki(member.getPlannedEnd()) : ""),
					text("roster.status." + member.getStatus())));
		}
		form.table(
				List.of(text("roster.field.name"), text("roster.field.affiliation"), text("roster.field.role"),
						text("roster.field.duties"), text("roster.field.workLocation"), text("roster.notice.handling"),
						text("roster.notice.period"), text("roster.field.status")),
				new float[] { 2, 2, 2, 3, 2, 2, 3, 1.4f }, rows);
		boolean expertise = required.fields().contains(RosterContents.Field.EXPERTISE);
		boolean trackRecord = required.fields().contains(RosterContents.Field.TRACK_RECORD);
		if (expertise || trackRecord) {
			// What the profile asks besides (Kadoma 2(4): 専門性、実績), one row per member.
			List<String> headings = new ArrayList<>(List.of(text("roster.field.name")));
			List<Float> widths = new ArrayList<>(List.of(2f));
			if (expertise) {
				headings.add(text("roster.field.expertise"));
				widths.add(4f);
			}
			if (trackRecord) {
				headings.add(text("roster.field.trackRecord"));
				widths.add(6f);
			}
			List<List<String>> details = new ArrayList<>();
			for (RosterMember member : roster) {
				List<String> row = new ArrayList<>(List.of(member.getName()));
				if (expertise) {
					row.add(nullToEmpty(member.getExpertise()));
				}
				if (trackRecord) {
					row.add(nullToEmpty(member.getTrackRecord()));
				}
				details.add(row);
			}
			float[] columns = new float[widths.size()];
			for (int i = 0; i < columns.length; i++) {
				columns[i] = widths.get(i);
			}
			form.table(headings, columns, details);
		}
		if (nationalityAsked) {
			form.paragraph(text("roster.notice.nationality"));
		}
		return form.toPdf();
	}

	/**
	 * Renders a stored field value as people read it.
	 * @param field the field
	 * @param code the stored value
	 * @return the value in Japanese
	 */
	String value(String field, @Nullable String code) {
		if (code == null) {
			return "";
		}
		return switch (field) {
			case "role" -> text("roster.role." + code);
			case "handlesPersonalInformation", "handoverPerson" -> text("roster.bool." + code);
			case "periodStart", "plannedEnd", "actualEnd" -> Dates.wareki(LocalDate.parse(code));
			default -> code;
		};
	}

	private String organisationName(UUID id) {
		return this.organisationReads.findUnscoped(id).map(Organisation::getName).orElse("");
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, JAPANESE);
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
