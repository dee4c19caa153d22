package jp.itaku.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.itaku.contract.Contract;
import jp.itaku.document.PdfForm;
import jp.itaku.platform.Dates;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the written form (書面) of a submitted emergency contact list as a Japanese PDF:
 * 緊急時連絡先一覧 with the contract, the parties, the date and the whole table; for a later
 * version, 緊急時連絡先一覧（変更届） stating exactly what changed since the version submitted before.
 * Every word comes from {@code emergency-labels} (Japanese: the form is filed with a
 * Japanese public body).
 */
@Component
class EmergencyContactForms {

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final MessageSource messages;

	EmergencyContactForms(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Renders a version.
	 * @param form what to print
	 * @return the PDF
	 */
	// form.previous() is set exactly when change is true, the branch that reads it
	@SuppressWarnings("NullAway")
	byte[] render(Form form) {
		EmergencyContactVersion version = form.version();
		boolean change = form.previous() != null;
		PdfForm pdf = PdfForm.titled(text(change ? "emergency.pdf.titleChange" : "emergency.pdf.title"))
			.line(text("emergency.pdf.contractNumber"), form.contract().getNumber())
			.line(text("emergency.pdf.contractTitle"), form.contract().getTitle())
			.line(text("emergency.pdf.client"), form.client())
			.line(text("emergency.pdf.contractor"), form.contractor())
			.line(text("emergency.pdf.date"), Dates.wareki(ItakuTime.inTokyo(version.getSubmittedAt()).toLocalDate()))
			.line(text("emergency.pdf.version"), text("emergency.version.number", version.getNumber()))
			.line(text("emergency.pdf.submitter"), form.submitter());
		if (version.getComment() != null) {
			pdf.line(text("emergency.pdf.comment"), version.getComment());
		}
		if (!change) {
			pdf.paragraph(text("emergency.pdf.intro"));
		}
		else {
			EmergencyContactVersion previous = form.previous();
			String previousDate = Dates.wareki(ItakuTime.inTokyo(previous.getSubmittedAt()).toLocalDate());
			if (form.changes().isEmpty()) {
				pdf.paragraph(text("emergency.pdf.noChange", previous.getNumber(), previousDate));
			}
			else {
				pdf.paragraph(text("emergency.pdf.changeIntro", previous.getNumber(), previousDate));
				pdf.table(
						List.of(text("emergency.pdf.col.kind"), text("emergency.pdf.col.name"),
								text("emergency.pdf.col.item"), text("emergency.pdf.col.before"),
								text("emergency.pdf.col.after")),
						new float[] { 0.8f, 1.4f, 1.3f, 2.2f, 2.2f }, changeRows(form.changes()));
			}
			pdf.paragraph(text("emergency.pdf.afterChange"));
		}
		pdf.table(List.of(text("emergency.pdf.col.priority"), text("emergency.pdf.col.person"),
				text("emergency.pdf.col.reach"), text("emergency.pdf.col.hours"), text("emergency.pdf.col.notes")),
				new float[] { 0.45f, 2.0f, 2.6f, 1.7f, 1.5f }, rows(version.getEntries()));
		return pdf.toPdf();
	}

	private List<List<String>> rows(List<EmergencyContact> entries) {
		List<List<String>> rows = new ArrayList<>();
		for (EmergencyContact c : entries) {
			StringBuilder person = new StringBuilder(c.getName()).append('\n').append(c.getDepartment());
			if (c.getJobTitle() != null) {
				person.append('\n').append(c.getJobTitle());
			}
			List<String> reach = new ArrayList<>();
			if (c.getPhone() != null) {
				reach.add(text("emergency.pdf.phone", c.getPhone()));
			}
			if (c.getMobile() != null) {
				reach.add(text("emergency.pdf.mobile", c.getMobile()));
			}
			if (c.getEmail() != null) {
				reach.add(c.getEmail());
			}
			String hours = c.getHours() + (c.isOutOfHours() ? "\n" + text("emergency.pdf.outOfHours") : "");
			rows.add(List.of(Integer.toString(c.getPriority()), person.toString(), String.join("\n", reach), hours,
					orEmpty(c.getNotes())));
		}
		return rows;
	}

	private List<List<String>> changeRows(List<ContactChanges.Change> changes) {
		List<List<String>> rows = new ArrayList<>();
		for (ContactChanges.Change change : changes) {
			String item = (change.field() != null) ? text("emergency.changeField." + change.field().name()) : "";
			rows.add(List.of(text("emergency.change." + change.kind().name()), change.name(), item,
					value(change.field(), change.before()), value(change.field(), change.after())));
		}
		return rows;
	}

	private String value(ContactChanges.@Nullable Field field, @Nullable String value) {
		if (field == ContactChanges.Field.OUT_OF_HOURS && value != null) {
			return text(Boolean.parseBoolean(value) ? "emergency.outOfHours.yes" : "emergency.outOfHours.no");
		}
		return (value != null) ? value : text("emergency.pdf.empty");
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, JAPANESE);
	}

	/**
	 * What a form prints.
	 *
	 * @param contract the contract
	 * @param client the client's name
	 * @param contractor the contractor's name
	 * @param submitter who submits it
	 * @param version the version submitted
	 * @param previous the version submitted before, or {@code null} for the first
	 * @param changes what changed since the previous version
	 */
	record Form(Contract contract, String client, String contractor, String submitter, EmergencyContactVersion version,
			@Nullable EmergencyContactVersion previous, List<ContactChanges.Change> changes) {
	}

}
