package jp.itaku.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.catalog.Deliverable;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * A notice as filed: what happened (the kind), which document changed (for a change of a
 * submitted document), on which day, and what it is.
 */
public class NoticeForm {

	static final int DESCRIPTION_MAX = 4000;

	private @Nullable NoticeKind kind;

	private @Nullable Deliverable deliverable;

	private @Nullable LocalDate occurredOn;

	private @Nullable String description;

	public @Nullable NoticeKind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable NoticeKind kind) {
		this.kind = kind;
	}

	public @Nullable Deliverable getDeliverable() {
		return this.deliverable;
	}

	public void setDeliverable(@Nullable Deliverable deliverable) {
		this.deliverable = deliverable;
	}

	public @Nullable LocalDate getOccurredOn() {
		return this.occurredOn;
	}

	public void setOccurredOn(@Nullable LocalDate occurredOn) {
		this.occurredOn = occurredOn;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	/**
	 * Returns the problems of the form that do not depend on the contract, each naming
	 * its field.
	 * @param today today in Tokyo: an event cannot happen later
	 * @return the problems, empty when the form is complete
	 */
	List<FieldProblem> problems(LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.kind == null) {
			problems.add(new FieldProblem("kind", "notice.error.kind"));
		}
		else if (this.kind == NoticeKind.DOCUMENT_CHANGED && this.deliverable == null) {
			problems.add(new FieldProblem("deliverable", "notice.error.deliverable"));
		}
		if (this.occurredOn == null) {
			problems.add(new FieldProblem("occurredOn", "notice.error.occurredOn"));
		}
		else if (this.occurredOn.isAfter(today) || this.occurredOn.isBefore(InputRules.MIN_DATE)) {
			problems.add(new FieldProblem("occurredOn", "notice.error.occurredOnFuture"));
		}
		String text = (this.description != null) ? this.description.strip() : "";
		if (text.isEmpty()) {
			problems.add(new FieldProblem("description", "notice.error.description"));
		}
		else if (text.length() > DESCRIPTION_MAX) {
			problems.add(new FieldProblem("description", InputRules.TOO_LONG, String.valueOf(DESCRIPTION_MAX)));
		}
		else if (InputRules.hasControlCharacter(text.replace("\n", "").replace("\r", "").replace("\t", ""))) {
			problems.add(new FieldProblem("description", InputRules.CONTROL_CHARACTER));
		}
		return problems;
	}

}
