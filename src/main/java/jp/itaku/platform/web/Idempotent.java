package jp.itaku.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that creates a record, so that a request repeated with the same
 * one-time key creates it once and gets the first request's answer:
 * <ul>
 * <li>on an API endpoint ({@code @RestController}, returning a {@code ResponseEntity}),
 * the key is the {@code Idempotency-Key} header; the same key with a different request is
 * refused with 422;</li>
 * <li>on a page ({@code @Controller}, returning a view name), the key is the hidden
 * {@code formKey} field every create form carries ({@code th:replace="~{fragments/forms
 * :: formKey}"}); the repeated post is redirected to where the first one went.</li>
 * </ul>
 * A request without a key is served as usual. The handler then runs in one transaction
 * with the key's row ({@link IdempotentRequests}): a request that fails stores nothing,
 * and a duplicate arriving while the first is still running waits for it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

	/**
	 * Properties of the request body left out of the request's fingerprint, which is kept
	 * in the database: a value of few possibilities (the nationality) could otherwise be
	 * found again from the hash and the record's other fields.
	 * @return the names of the body's properties not fingerprinted
	 */
	String[] unhashed() default {};

}
