package jp.itaku.incident;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.TextLimit;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An incident as the contractor's side reports it, kept short enough to send from a
 * phone: what happened (category, actual or suspected), when it was detected (Tokyo
 * time), where, what happened, which information and how many records (Kadoma 12(1)ア),
 * and what was done at once to contain it (Nerima 24⑴).
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class IncidentForm {

	static final int SHORT_MAX = 200;

	static final int INFORMATION_MAX = 1000;

	static final int TEXT_MAX = 4000;

	private IncidentCategory category;

	private boolean suspected;

	/** Tokyo time, as a datetime-local field sends and shows it. */
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = { "yyyy-MM-dd'T'HH:mm:ss" })
	private LocalDateTime detectedAt;

	private String location;

	@TextLimit(4000)
	private String description;

	private String information;

	private Integer recordCount;

	@TextLimit(4000)
	private String containment;

	/**
	 * Returns the problems of the form, each naming its field.
	 * @return the problems, empty when the form is valid
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.category == null) {
			problems.add(new FieldProblem("category", "incident.error.category"));
		}
		if (this.detectedAt == null) {
			problems.add(new FieldProblem("detectedAt", "incident.error.detectedAt"));
		}
		required(problems, "location", this.location, SHORT_MAX);
		required(problems, "description", this.description, TEXT_MAX);
		optional(problems, "information", this.information, INFORMATION_MAX);
		optional(problems, "containment", this.containment, TEXT_MAX);
		if (this.recordCount != null && this.recordCount < 0) {
			problems.add(new FieldProblem("recordCount", "incident.error.recordCount"));
		}
		return problems;
	}

	private static void required(List<FieldProblem> problems, String field, String value, int max) {
		String clean = clean(value);
		if (clean == null) {
			problems.add(new FieldProblem(field, "incident.error.required." + field));
		}
		else if (clean.length() > max) {
			problems.add(new FieldProblem(field, "incident.error.tooLong", String.valueOf(max)));
		}
	}

	private static void optional(List<FieldProblem> problems, String field, String value, int max) {
		String clean = clean(value);
		if (clean != null && clean.length() > max) {
			problems.add(new FieldProblem(field, "incident.error.tooLong", String.valueOf(max)));
		}
	}

	/**
	 * Strips a text; blank is {@code null}.
	 * @param value the text
	 * @return the stripped text or {@code null}
	 */
	static @Nullable String clean(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public IncidentCategory getCategory() {
		return this.category;
	}

	public void setCategory(IncidentCategory category) {
		this.category = category;
	}

	public boolean isSuspected() {
		return this.suspected;
	}

	public void setSuspected(boolean suspected) {
		this.suspected = suspected;
	}

	public LocalDateTime getDetectedAt() {
		return this.detectedAt;
	}

	public void setDetectedAt(LocalDateTime detectedAt) {
		this.detectedAt = detectedAt;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getInformation() {
		return this.information;
	}

	public void setInformation(String information) {
		this.information = information;
	}

	public Integer getRecordCount() {
		return this.recordCount;
	}

	public void setRecordCount(Integer recordCount) {
		this.recordCount = recordCount;
	}

	public String getContainment() {
		return this.containment;
	}

	public void setContainment(String containment) {
		this.containment = containment;
	}

}
