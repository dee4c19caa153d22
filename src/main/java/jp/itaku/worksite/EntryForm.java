package jp.itaku.worksite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An entry of the entry log as entered: in the form, the API or a row of an import. Times
 * are Tokyo wall-clock times; they are stored as instants.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class EntryForm {

	private String name;

	private @Nullable String affiliation;

	private @Nullable String purpose;

	private String area;

	private boolean visitor;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private @Nullable LocalDateTime enteredAt;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private @Nullable LocalDateTime leftAt;

	/**
	 * Checks the entry.
	 * @return the fields at fault, in form order; empty when valid
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.name == null || this.name.isBlank()) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		length(problems, "name", this.name, 100);
		length(problems, "affiliation", this.affiliation, 200);
		length(problems, "purpose", this.purpose, 300);
		length(problems, "area", this.area, 200);
		if (this.visitor && clean(this.purpose) == null) {
			problems.add(new FieldProblem("purpose", "worksite.entry.visitorPurpose"));
		}
		if (this.visitor && clean(this.affiliation) == null) {
			problems.add(new FieldProblem("affiliation", "worksite.entry.visitorAffiliation"));
		}
		if (this.enteredAt == null) {
			problems.add(new FieldProblem("enteredAt", "validation.required"));
		}
		else if (this.leftAt != null && this.leftAt.isBefore(this.enteredAt)) {
			problems.add(new FieldProblem("leftAt", "worksite.entry.outBeforeIn"));
		}
		return problems;
	}

	private static void length(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, "worksite.maxLength", max));
		}
	}

	static @Nullable String clean(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@Nullable Instant enteredInstant() {
		return (this.enteredAt != null) ? this.enteredAt.atZone(ItakuTime.ZONE).toInstant() : null;
	}

	@Nullable Instant leftInstant() {
		return (this.leftAt != null) ? this.leftAt.atZone(ItakuTime.ZONE).toInstant() : null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable String getAffiliation() {
		return this.affiliation;
	}

	public void setAffiliation(@Nullable String affiliation) {
		this.affiliation = affiliation;
	}

	public @Nullable String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(@Nullable String purpose) {
		this.purpose = purpose;
	}

	public String getArea() {
		return this.area;
	}

	public void setArea(String area) {
		this.area = area;
	}

	public boolean isVisitor() {
		return this.visitor;
	}

	public void setVisitor(boolean visitor) {
		this.visitor = visitor;
	}

	public @Nullable LocalDateTime getEnteredAt() {
		return this.enteredAt;
	}

	public void setEnteredAt(@Nullable LocalDateTime enteredAt) {
		this.enteredAt = enteredAt;
	}

	public @Nullable LocalDateTime getLeftAt() {
		return this.leftAt;
	}

	public void setLeftAt(@Nullable LocalDateTime leftAt) {
		this.leftAt = leftAt;
	}

}
