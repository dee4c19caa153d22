package jp.itaku.platform.web;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Issues the one-time key of a create form: each rendering of a form gets a new random
 * key in its hidden {@value IdempotentRequests#FORM_FIELD} field, so a second post of the
 * same rendering (a double click, a reload, the back button) is recognised as the same
 * submission. Templates call it as {@code ${@formKeys.next()}} through the
 * {@code fragments/forms :: formKey} fragment.
 */
@Component("formKeys")
public class FormKeys {

	/**
	 * Returns a new key.
	 * @return a random UUID in text form
	 */
	public String next() {
		return UUID.randomUUID().toString();
	}

}
