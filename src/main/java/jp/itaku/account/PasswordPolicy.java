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
 * zxcvbn estimate (score 3 of 4 by default) — both as a whole, with the user's own words
 * ({@link GuessableWords}: user ID, name, e-mail, organisation, the product's words and
 * years) as zxcvbn's user inputs, and once those words are taken out (zxcvbn counts even
 * a known word as 50 guesses, so that {@code worker-worker} would pass as a whole). A
 * rejection explains in the reader's language why and what to do.
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
	 * @param userInputs the user's own words that make a password easy to guess
	 * ({@link GuessableWords#of})
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
		for (String variant : List.of(password, GuessableWords.unleet(password))) {
			String rest = GuessableWords.withoutWords(variant, userInputs);
			if (this.zxcvbn.measure(rest, userInputs).getScore() < this.rules.minScore()) {
				throw new InvalidInputProblem(field, "password.ownWords");
			}
		}
	}

	private static ResourceBundle bundle() {
		Locale locale = LocaleContextHolder.getLocale();
		Locale zxcvbnLocale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ROOT : Locale.JAPANESE;
		return ResourceBundle.getBundle("com/nulabinc/zxcvbn/messages", zxcvbnLocale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

}
