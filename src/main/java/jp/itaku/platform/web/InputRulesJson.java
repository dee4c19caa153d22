package jp.itaku.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.TextLimit;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.context.annotation.Configuration;

/**
 * The global input rules for every JSON body the API reads: each string (property value,
 * list element, map key or value) and each date is checked by {@link InputRules} as it is
 * read, with the limit its field declares ({@link TextLimit}, else {@code @Size}, else
 * the default). A broken rule stops reading with {@link InputRuleException}, which the
 * API answers as 400 naming the field by its JSON path.
 */
@Configuration(proxyBeanMethods = false)
class InputRulesJson implements WebMvcConfigurer {

	private final JsonMapper json;

	InputRulesJson(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Reads request bodies with the application's mapper plus the rules; the mapper the
	 * application uses for its own data (stored profiles, audit details) stays as it is.
	 */
	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		JsonMapper checked = this.json.rebuild().addModule(inputRulesModule()).build();
		for (int i = 0; i < converters.size(); i++) {
			if (converters.get(i) instanceof JacksonJsonHttpMessageConverter) {
				converters.set(i, new JacksonJsonHttpMessageConverter(checked));
			}
		}
	}

	private static final Set<Class<?>> DATES = Set.of(LocalDate.class, LocalDateTime.class, Instant.class,
			OffsetDateTime.class, ZonedDateTime.class, YearMonth.class);

	static JacksonModule inputRulesModule() {
		SimpleModule module = new SimpleModule("itaku-input-rules");
		module.setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				if (type == String.class || DATES.contains(type)) {
					return new Checked(deserializer, InputRules.DEFAULT_MAX_LENGTH);
				}
				return deserializer;
			}

			@Override
			public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
					KeyDeserializer deserializer) {
				return new CheckedKey(deserializer);
			}

		});
		return module;
	}

	/**
	 * Returns the limit a property declares.
	 * @param property the property, may be {@code null}
	 * @param otherwise the limit when it declares none
	 * @return the limit
	 */
	static int limitOf(BeanProperty property, int otherwise) {
		if (property == null) {
			return otherwise;
		}
		TextLimit limit = property.getAnnotation(TextLimit.class);
		if (limit != null) {
			return limit.value();
		}
		Size size = property.getAnnotation(Size.class);
		if (size != null && size.max() < Integer.MAX_VALUE) {
			return size.max();
		}
		return otherwise;
	}

	/**
	 * Returns the broken input rule that made a body unreadable.
	 * @param ex the failure
	 * @return the rule, or {@code null} when the body was malformed otherwise
	 */
	static InputRules.@Nullable Violation violationOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InputRuleException rule) {
				return rule.violation();
			}
			if (cause instanceof InputRulesBinding.RuleBroken rule) {
				return rule.violation();
			}
		}
		return null;
	}

	/**
	 * Returns the field a failure of reading points at, as the domain names fields:
	 * {@code entries[0].name}.
	 * @param ex the failure
	 * @return the path
	 */
	static String fieldOf(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** A string or date read by the default deserializer, then checked. */
	static final class Checked extends DelegatingDeserializer {

		private final int maxLength;

		Checked(ValueDeserializer<?> delegate, int maxLength) {
			super(delegate);
			this.maxLength = maxLength;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate, this.maxLength);
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			ValueDeserializer<?> delegate = context.handleSecondaryContextualization(this._delegatee, property,
					context.constructType(this._delegatee.handledType()));
			return new Checked(delegate, limitOf(property, InputRules.DEFAULT_MAX_LENGTH));
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			return check(parser, super.deserialize(parser, context));
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue)
				throws JacksonException {
			return check(parser, super.deserialize(parser, context, intoValue));
		}

		private Object check(JsonParser parser, Object value) {
			InputRules.Violation violation = (value instanceof String text) ? InputRules.checkText(text, this.maxLength)
					: InputRules.checkDate(value);
			if (violation != null) {
				throw new InputRuleException(parser, violation);
			}
			return value;
		}

	}

	/** A map key, checked like any other string. */
	static final class CheckedKey extends KeyDeserializer {

		private final KeyDeserializer delegate;

		CheckedKey(KeyDeserializer delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			InputRules.Violation violation = InputRules.checkText(key, InputRules.DEFAULT_MAX_LENGTH);
			if (violation != null) {
				throw new InputRuleException(context.getParser(), violation);
			}
			return (this.delegate != null) ? this.delegate.deserializeKey(key, context) : key;
		}

	}

	/**
	 * A value of a JSON body broke an input rule; Jackson adds the path of the field as
	 * it unwinds.
	 */
	static final class InputRuleException extends MismatchedInputException {

		private final transient InputRules.Violation violation;

		InputRuleException(JsonParser parser, InputRules.Violation violation) {
			super(parser, violation.messageKey());
			this.violation = violation;
		}

		InputRules.Violation violation() {
			return this.violation;
		}

	}

}
