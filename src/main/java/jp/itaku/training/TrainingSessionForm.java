package jp.itaku.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the contractor's lead records for a training session or a drill, in the UI or the
 * API: the results map each attending roster member's id to how they took part (members
 * not in the map were not invited).
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class TrainingSessionForm {

	private SessionKind kind = SessionKind.TRAINING;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate heldOn;

	private String content;

	private String scenario;

	private String trainer;

	private String result;

	private String improvements;

	private Map<String, AttendanceResult> results = new LinkedHashMap<>();

	/**
	 * Checks the form.
	 * @param today the day, in Tokyo: a record is of a session already held
	 * @return the fields at fault, in form order; empty when valid
	 */
	public List<FieldProblem> problems(LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.kind == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		if (this.heldOn == null) {
			problems.add(new FieldProblem("heldOn", "validation.required"));
		}
		else if (this.heldOn.isAfter(today)) {
			problems.add(new FieldProblem("heldOn", "training.session.heldInFuture"));
		}
		required(problems, "content", this.content, 2000);
		if (this.kind == SessionKind.DRILL) {
			required(problems, "scenario", this.scenario, 2000);
		}
		else {
			optional(problems, "scenario", this.scenario, 2000);
		}
		required(problems, "trainer", this.trainer, 200);
		optional(problems, "result", this.result, 2000);
		optional(problems, "improvements", this.improvements, 2000);
		if (attendees().isEmpty()) {
			problems.add(new FieldProblem("results", "training.session.noAttendees"));
		}
		return problems;
	}

	/**
	 * Returns the listed attendees.
	 * @return member id → result, without blank entries
	 */
	public Map<String, AttendanceResult> attendees() {
		Map<String, AttendanceResult> listed = new LinkedHashMap<>();
		if (this.results != null) {
			this.results.forEach((member, outcome) -> {
				if (member != null && outcome != null) {
					listed.put(member, outcome);
				}
			});
		}
		return listed;
	}

	private static void required(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else {
			optional(problems, field, value, max);
		}
	}

	private static void optional(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, "training.maxLength", max));
		}
	}

	static @Nullable String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public SessionKind getKind() {
		return this.kind;
	}

	public void setKind(SessionKind kind) {
		this.kind = kind;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getScenario() {
		return this.scenario;
	}

	public void setScenario(String scenario) {
		this.scenario = scenario;
	}

	public String getTrainer() {
		return this.trainer;
	}

	public void setTrainer(String trainer) {
		this.trainer = trainer;
	}

	public String getResult() {
		return this.result;
	}

	public void setResult(String result) {
		this.result = result;
	}

	public String getImprovements() {
		return this.improvements;
	}

	public void setImprovements(String improvements) {
		this.improvements = improvements;
	}

	public Map<String, AttendanceResult> getResults() {
		return this.results;
	}

	public void setResults(Map<String, AttendanceResult> results) {
		this.results = results;
	}

}
