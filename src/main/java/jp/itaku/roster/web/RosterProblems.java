package jp.itaku.roster.web;

import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.web.FormErrors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Roster problems as the pages show them: each message names its field ("従事終了日: 入力して
 * ください。"), in the reader's language.
 */
@Component
class RosterProblems {

	private final MessageSource messages;

	private final FormErrors formErrors;

	RosterProblems(MessageSource messages, FormErrors formErrors) {
		this.messages = messages;
		this.formErrors = formErrors;
	}

	void reject(BindingResult result, ItakuProblem problem) {
		this.formErrors.reject(result, problem);
	}

	List<String> messages(ItakuProblem problem) {
		List<String> all = new ArrayList<>();
		if (problem.getFieldProblems().isEmpty()) {
			all.add(text(problem.getMessageKey(), problem.getArguments()));
		}
		for (ItakuProblem.FieldProblem field : problem.getFieldProblems()) {
			String message = text(field.messageKey(), field.arguments());
			String label = this.messages.getMessage("roster.field." + field.field(), null, null,
					LocaleContextHolder.getLocale());
			all.add((label != null) ? text("roster.web.fieldMessage", label, message) : message);
		}
		return all;
	}

	private String text(String key, @Nullable Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

}
