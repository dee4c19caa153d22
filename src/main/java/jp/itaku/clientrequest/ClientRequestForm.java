package jp.itaku.clientrequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.InputRules;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * What the client asks for, as the page and the API send it: the requirement of the
 * profile it invokes (its key, e.g. {@code 第22条第2項#4}), what exactly, by when, optionally
 * the period it covers and the level of the subcontracting chain it concerns, or the
 * approved subcontractor it is aimed at (which then owes the obligation). The rules that
 * need the contract (which requirements it offers, the minimum period a clause sets) are
 * checked by {@link ClientRequests}.
 */
public class ClientRequestForm {

	static final int DESCRIPTION_MAX = 4000;

	private @Nullable String requirement;

	private @Nullable String description;

	private @Nullable LocalDate dueOn;

	private @Nullable LocalDate periodFrom;

	private @Nullable LocalDate periodTo;

	private @Nullable Integer chainLevel;

	private @Nullable UUID subcontractor;

	public @Nullable String getRequirement() {
		return this.requirement;
	}

	public void setRequirement(@Nullable String requirement) {
		this.requirement = requirement;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable LocalDate getDueOn() {
		return this.dueOn;
	}

	public void setDueOn(@Nullable LocalDate dueOn) {
		this.dueOn = dueOn;
	}

	public @Nullable LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public void setPeriodFrom(@Nullable LocalDate periodFrom) {
		this.periodFrom = periodFrom;
	}

	public @Nullable LocalDate getPeriodTo() {
		return this.periodTo;
	}

	public void setPeriodTo(@Nullable LocalDate periodTo) {
		this.periodTo = periodTo;
	}

	public @Nullable Integer getChainLevel() {
		return this.chainLevel;
	}

	public void setChainLevel(@Nullable Integer chainLevel) {
		this.chainLevel = chainLevel;
	}

	public @Nullable UUID getSubcontractor() {
		return this.subcontractor;
	}

	public void setSubcontractor(@Nullable UUID subcontractor) {
		this.subcontractor = subcontractor;
	}

	/**
	 * Returns the problems of the fields on their own.
	 * @param today today in Tokyo
	 * @return the problems, empty when none
	 */
	List<FieldProblem> problems(LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.requirement == null || this.requirement.isBlank()) {
			problems.add(new FieldProblem("requirement", "clientrequest.error.requirement"));
		}
		String text = (this.description != null) ? this.description.strip() : "";
		if (text.isEmpty()) {
			problems.add(new FieldProblem("description", "clientrequest.error.description"));
		}
		else if (text.length() > DESCRIPTION_MAX) {
			problems.add(new FieldProblem("description", InputRules.TOO_LONG, String.valueOf(DESCRIPTION_MAX)));
		}
		else if (InputRules.hasControlCharacter(text.replace("\n", "").replace("\r", "").replace("\t", ""))) {
			problems.add(new FieldProblem("description", InputRules.CONTROL_CHARACTER));
		}
		if (this.dueOn == null) {
			problems.add(new FieldProblem("dueOn", "clientrequest.error.dueOn"));
		}
		else if (this.dueOn.isBefore(today) || this.dueOn.isAfter(InputRules.MAX_DATE)) {
			problems.add(new FieldProblem("dueOn", "clientrequest.error.dueOnPast"));
		}
		if (this.periodFrom == null && this.periodTo != null) {
			problems.add(new FieldProblem("periodFrom", "clientrequest.error.periodFrom"));
		}
		else if (this.periodFrom != null && this.periodTo == null) {
			problems.add(new FieldProblem("periodTo", "clientrequest.error.periodTo"));
		}
		else if (this.periodFrom != null && this.periodTo != null) {
			if (this.periodFrom.isBefore(InputRules.MIN_DATE)) {
				problems.add(new FieldProblem("periodFrom", "clientrequest.error.periodFrom"));
			}
			else if (this.periodTo.isBefore(this.periodFrom)) {
				problems.add(new FieldProblem("periodTo", "clientrequest.error.periodReversed"));
			}
			else if (this.periodTo.isAfter(today)) {
				problems.add(new FieldProblem("periodTo", "clientrequest.error.periodFuture"));
			}
		}
		if (this.chainLevel != null && this.chainLevel < 1) {
			problems.add(new FieldProblem("chainLevel", "clientrequest.error.chainLevel"));
		}
		return problems;
	}

	String cleanDescription() {
		return (this.description != null) ? this.description.strip() : "";
	}

}
