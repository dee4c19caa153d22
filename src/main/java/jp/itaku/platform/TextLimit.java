package jp.itaku.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the longest text a field or request parameter takes, where it differs from
 * {@link InputRules#DEFAULT_MAX_LENGTH}; the value is the length of the column the text
 * is stored in (or less). Read by the global input rules for JSON bodies, forms and
 * request parameters alike; a {@code @Size(max = …)} on the same field is read the same
 * way when there is no {@code @TextLimit}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface TextLimit {

	/**
	 * Returns the most characters (code points) the text may have.
	 * @return the limit
	 */
	int value();

}
