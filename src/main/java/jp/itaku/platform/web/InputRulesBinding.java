package jp.itaku.platform.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.TextLimit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.PropertyAccessException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The global input rules for every form field and request parameter, on every controller:
 * each string bound is checked by {@link InputRules} with the limit its form field or
 * parameter declares ({@link TextLimit}, else {@code @Size}, else the default), and each
 * {@link LocalDate}, {@link LocalDateTime} and {@link Instant} is read as ISO 8601 and
 * must lie within the global range. A form shows the broken rule next to its field (the
 * binding result carries it with its own message); a parameter outside a form is answered
 * 400 naming it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class InputRulesBinding {

	@InitBinder
	void inputRules(WebDataBinder binder, HttpServletRequest request) {
		binder.setBindingErrorProcessor(new RuleErrors());
		// Set before anything else touches the binder: a list in a form grows to this
		// many
		// rows at most (modules check their own, smaller limits).
		binder.setAutoGrowCollectionLimit(InputRules.MAX_LIST_SIZE);
		Object target = binder.getTarget();
		if (target == null) {
			binder.registerCustomEditor(String.class, new TextEditor(parameterLimit(request, binder.getObjectName())));
		}
		else {
			binder.registerCustomEditor(String.class, new TextEditor(InputRules.DEFAULT_MAX_LENGTH));
			registerFieldLimits(binder, target.getClass(), "", 0);
		}
		binder.registerCustomEditor(LocalDate.class, new DateEditor(LocalDate::parse));
		binder.registerCustomEditor(LocalDateTime.class, new DateEditor(LocalDateTime::parse));
		binder.registerCustomEditor(Instant.class, new DateEditor(InputRulesBinding::instant));
	}

	private static Object instant(String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return OffsetDateTime.parse(text).toInstant();
		}
	}

	/**
	 * Registers the declared limit of each string field of a form (and of the forms
	 * nested in it, in lists too) under its property path.
	 */
	private static void registerFieldLimits(WebDataBinder binder, Class<?> type, String prefix, int depth) {
		if (depth > 3 || type.getName().startsWith("java.")) {
			return;
		}
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				Class<?> fieldType = field.getType();
				Class<?> element = elementType(field);
				String path = prefix + field.getName();
				if (fieldType == String.class || element == String.class) {
					int limit = declaredLimit(field.getAnnotation(TextLimit.class), field.getAnnotation(Size.class));
					if (limit > 0) {
						binder.registerCustomEditor(String.class, path, new TextEditor(limit));
					}
				}
				else if (element != null && !element.isEnum() && !element.getName().startsWith("java.")) {
					registerFieldLimits(binder, element, path + ".", depth + 1);
				}
			}
		}
	}

	private static @Nullable Class<?> elementType(Field field) {
		if (Collection.class.isAssignableFrom(field.getType())
				&& field.getGenericType() instanceof ParameterizedType parameterized) {
			Type argument = parameterized.getActualTypeArguments()[0];
			return (argument instanceof Class<?> c) ? c : null;
		}
		return field.getType().isArray() ? field.getType().getComponentType() : null;
	}

	private static int declaredLimit(@Nullable TextLimit limit, @Nullable Size size) {
		if (limit != null) {
			return limit.value();
		}
		return (size != null && size.max() < Integer.MAX_VALUE) ? size.max() : -1;
	}

	/** The limit of a simple parameter ({@code @RequestParam}) of the handler. */
	private static int parameterLimit(HttpServletRequest request, String name) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				String parameterName = (param != null && !param.name().isEmpty()) ? param.name()
						: (param != null && !param.value().isEmpty()) ? param.value() : parameter.getParameterName();
				if (name.equals(parameterName)) {
					int limit = declaredLimit(parameter.getParameterAnnotation(TextLimit.class),
							parameter.getParameterAnnotation(Size.class));
					if (limit > 0) {
						return limit;
					}
				}
			}
		}
		return InputRules.DEFAULT_MAX_LENGTH;
	}

	/** A string that must obey the rules with a limit. */
	static final class TextEditor extends PropertyEditorSupport {

		private final int maxLength;

		TextEditor(int maxLength) {
			this.maxLength = maxLength;
		}

		@Override
		public void setAsText(String text) {
			InputRules.Violation violation = InputRules.checkText(text, this.maxLength);
			if (violation != null) {
				throw new RuleBroken(violation);
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

	/** An ISO 8601 date or time within the global range; blank is none. */
	static final class DateEditor extends PropertyEditorSupport {

		private final Function<String, Object> parser;

		DateEditor(Function<String, Object> parser) {
			this.parser = parser;
		}

		@Override
		public void setAsText(String text) {
			if (text == null || text.isBlank()) {
				setValue(null);
				return;
			}
			Object value;
			try {
				value = this.parser.apply(text.strip());
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
			InputRules.Violation violation = InputRules.checkDate(value);
			if (violation != null) {
				throw new RuleBroken(violation);
			}
			setValue(value);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

	/** A bound value broke an input rule. */
	static final class RuleBroken extends IllegalArgumentException {

		private final transient InputRules.Violation violation;

		RuleBroken(InputRules.Violation violation) {
			super(violation.messageKey());
			this.violation = violation;
		}

		InputRules.Violation violation() {
			return this.violation;
		}

	}

	/** Puts a broken rule on its field with the rule's own message. */
	static final class RuleErrors extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			InputRules.Violation violation = InputRulesJson.violationOf(ex);
			if (violation == null) {
				super.processPropertyAccessException(ex, result);
				return;
			}
			// a PropertyAccessException of a binding always names its property
			String field = Objects.requireNonNull(ex.getPropertyName());
			result.addError(new FieldError(result.getObjectName(), field, ex.getValue(), true,
					new String[] { violation.messageKey() }, violation.arguments(), violation.messageKey()));
		}

	}

}
