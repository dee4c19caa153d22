package jp.itaku.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * The bad values of the generated bad-input test, derived by reflection from a controller
 * method: every text and date property of its JSON body (nested in lists too) and every
 * text and date request parameter gets a NUL, a 100,000-character text or the year 0001.
 */
final class BadInput {

	private BadInput() {
	}

	/**
	 * One bad request.
	 *
	 * @param body the JSON body, or {@code null}
	 * @param parameter the request parameter, or {@code null}
	 * @param value the parameter's value
	 * @param what what is bad, for the failure message
	 */
	record Case(String body, String parameter, String value, String what) {

		@Override
		public String toString() {
			return this.what;
		}

	}

	static List<Case> cases(HandlerMethod handler, String huge) {
		List<Case> cases = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				for (String[] property : properties(type, parameter.getGenericParameterType(), 0)) {
					for (String[] bad : values(property[1], huge)) {
						cases.add(new Case(body(property[0], bad[0]), null, null,
								"body " + property[0].replace("\u0001", "") + " = " + bad[1]));
					}
				}
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
			String name = (param != null) ? (param.name().isEmpty() ? param.value() : param.name())
					: (part != null) ? (part.name().isEmpty() ? part.value() : part.name()) : null;
			if (name != null && !name.isEmpty()) {
				String kind = kind(type);
				if (kind != null) {
					for (String[] bad : values(kind, huge)) {
						String raw = bad[0].substring(1, bad[0].length() - 1).replace("\\u0000", "\u0000");
						cases.add(new Case(null, name, raw, "parameter " + name + " = " + bad[1]));
					}
				}
			}
		}
		return cases;
	}

	/** The JSON value of each bad value of a kind, and its description. */
	private static List<String[]> values(String kind, String huge) {
		return switch (kind) {
			case "text" -> List.<String[]>of(new String[] { "\"a\\u0000b\"", "NUL" },
					new String[] { "\"" + huge + "\"", "100,000 characters" });
			case "date" -> List.<String[]>of(new String[] { "\"0001-01-01\"", "0001-01-01" });
			case "datetime" -> List.<String[]>of(new String[] { "\"0001-01-01T10:00\"", "0001-01-01T10:00" });
			case "instant" -> List.<String[]>of(new String[] { "\"0001-01-01T10:00:00Z\"", "0001-01-01T10:00:00Z" });
			default -> List.of();
		};
	}

	private static String kind(Class<?> type) {
		if (type == String.class) {
			return "text";
		}
		if (type == LocalDate.class) {
			return "date";
		}
		if (type == LocalDateTime.class) {
			return "datetime";
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return "instant";
		}
		return null;
	}

	/**
	 * The text and date properties of a body type: JSON path (list levels written as
	 * {@code \u0001}) and kind.
	 */
	private static List<String[]> properties(Class<?> type, Type generic, int depth) {
		List<String[]> found = new ArrayList<>();
		if (depth > 3 || type.isPrimitive() || type.isEnum()
				|| type.getName().startsWith("java.") && !Collection.class.isAssignableFrom(type)) {
			return found;
		}
		if (Map.class.isAssignableFrom(type)) {
			return found;
		}
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				add(found, component.getName(), component.getType(), component.getGenericType(), depth);
			}
			return found;
		}
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					add(found, field.getName(), field.getType(), field.getGenericType(), depth);
				}
			}
		}
		return found;
	}

	private static void add(List<String[]> found, String name, Class<?> type, Type generic, int depth) {
		String kind = kind(type);
		if (kind != null) {
			found.add(new String[] { name, kind });
			return;
		}
		if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
			String elementKind = kind(element);
			if (elementKind != null) {
				found.add(new String[] { name + "\u0001", elementKind });
			}
			else {
				for (String[] nested : properties(element, element, depth + 1)) {
					found.add(new String[] { name + "\u0001" + nested[0], nested[1] });
				}
			}
			return;
		}
		if (!type.getName().startsWith("java.") && !type.isEnum() && !type.isPrimitive()) {
			for (String[] nested : properties(type, generic, depth + 1)) {
				found.add(new String[] { name + "." + nested[0], nested[1] });
			}
		}
	}

	/**
	 * A JSON body with the bad value at a path ({@code a.b}, {@code list\u0001field}).
	 */
	private static String body(String path, String value) {
		int list = path.indexOf('\u0001');
		int dot = path.indexOf('.');
		if (list >= 0 && (dot < 0 || list < dot)) {
			String name = path.substring(0, list);
			String rest = path.substring(list + 1);
			return "{\"" + name + "\":[" + (rest.isEmpty() ? value : body(rest, value)) + "]}";
		}
		if (dot >= 0) {
			return "{\"" + path.substring(0, dot) + "\":" + body(path.substring(dot + 1), value) + "}";
		}
		return "{\"" + path + "\":" + value + "}";
	}

}
