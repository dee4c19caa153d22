package jp.itaku.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The service-level rows of a form follow {@link ServiceLevelRules}; each fault is
 * reported on its row's field ({@code serviceLevelTargets[1].target}), so a page shows it
 * next to the field and the API names it, together with the form's other faults.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ServiceLevelTargetsValidator.class)
@interface ValidServiceLevelTargets {

	/**
	 * Returns the message template; unused, each fault carries its own.
	 * @return the template
	 */
	String message() default "{error.invalidInput}";

	/**
	 * Returns the validation groups.
	 * @return the groups
	 */
	Class<?>[] groups() default {};

	/**
	 * Returns the payload.
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

}
