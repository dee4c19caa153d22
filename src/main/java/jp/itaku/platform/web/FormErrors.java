package jp.itaku.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.itaku.platform.ItakuProblem;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Puts a domain problem's field errors where a page shows them: next to the field and in
 * the error summary at the top of the form.
 */
@Component
public class FormErrors {

	private final ProblemMessages messages;

	FormErrors(ProblemMessages messages) {
		this.messages = messages;
	}

	/**
	 * Rejects the fields of a form-backing object, so that {@code th:errors} shows them.
	 * @param result the form's binding result
	 * @param problem the problem
	 */
	public void reject(BindingResult result, ItakuProblem problem) {
		if (problem.getFieldProblems().isEmpty()) {
			result.reject(problem.getMessageKey(), problem.getArguments(), problem.getMessageKey());
		}
		for (ItakuProblem.FieldProblem field : problem.getFieldProblems()) {
			try {
				result.rejectValue(field.field(), field.messageKey(), field.arguments(), field.messageKey());
			}
			catch (NotReadablePropertyException ex) {
				result.reject(field.messageKey(), field.arguments(), field.messageKey());
			}
		}
	}

	/**
	 * Adds {@code fieldErrors} (field → messages) and {@code errorSummary} to a model,
	 * for forms without a backing object.
	 * @param model the model
	 * @param problem the problem
	 */
	public void addTo(Model model, ItakuProblem problem) {
		Map<String, List<String>> byField = new LinkedHashMap<>();
		for (ItakuProblem.FieldProblem field : problem.getFieldProblems()) {
			byField.computeIfAbsent(field.field(), (f) -> new ArrayList<>())
				.add(this.messages.text(field.messageKey(), field.arguments()));
		}
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errorSummary", messages(problem));
	}

	/**
	 * Returns every message of a problem.
	 * @param problem the problem
	 * @return its messages, in the reader's language
	 */
	public List<String> messages(ItakuProblem problem) {
		List<String> all = new ArrayList<>();
		if (problem.getFieldProblems().isEmpty()) {
			all.add(this.messages.text(problem.getMessageKey(), problem.getArguments()));
		}
		for (ItakuProblem.FieldProblem field : problem.getFieldProblems()) {
			all.add(this.messages.text(field.messageKey(), field.arguments()));
		}
		return all;
	}

}
