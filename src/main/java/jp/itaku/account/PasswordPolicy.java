package jp.itaku.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The password rules: at least the configured length, and hard enough to guess by the
 * zxcvbn estimate (score 3 of 4 by default), taking the user's own name and organisation
 * into account. A rejection explains in the reader's language why and what to do.
 */
@Component
class PasswordPolicy {

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final SecurityProperties.Password rules;

	PasswordPolicy(SecurityProperties properties) {
		this.rules = properties.password();
	}

	/**
	 * Checks a new password.
	 * @param field the form field the password was entered in
	 * @param password the password
	 * @param userInputs the user's own words (name, user name, organisation) that make a
	 * password easy to guess
	 * @throws InvalidInputProblem naming the field, with the estimate's advice
	 */
	void check(String field, String password, List<String> userInputs) {
		if (password == null || password.codePointCount(0, password.length()) < this.rules.minLength()) {
			throw new InvalidInputProblem(field, "password.tooShort", this.rules.minLength());
		}
		Strength strength = this.zxcvbn.measure(password, userInputs);
		if (strength.getScore() < this.rules.minScore()) {
			List<FieldProblem> problems = new ArrayList<>();
			problems.add(new FieldProblem(field, "password.tooWeak", strength.getScore(), this.rules.minScore()));
			Feedback feedback = strength.getFeedback().withResourceBundle(bundle());
			if (feedback.getWarning() != null && !feedback.getWarning().isBlank()) {
				problems.add(new FieldProblem(field, "password.advice", feedback.getWarning()));
			}
			for (String suggestion : feedback.getSuggestions()) {
				problems.add(new FieldProblem(field, "password.advice", suggestion));
			}
			throw new InvalidInputProblem(problems);
		}
	}

	private static ResourceBundle bundle() {
		Locale locale = LocaleContextHolder.getLocale();
		Locale zxcvbnLocale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ROOT : Locale.JAPANESE;
		return ResourceBundle.getBundle("com/nulabinc/zxcvbn/messages", zxcvbnLocale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

}
