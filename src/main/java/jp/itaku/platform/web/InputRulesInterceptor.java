package jp.itaku.platform.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.InvalidInputProblem;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The global input rule for what no binder sees: every request parameter (query string,
 * form field, multipart field; names and values) and every uploaded file's name must be
 * free of control characters, and a file name at most
 * {@link InputRules#FILE_NAME_MAX_LENGTH} characters. Runs before every handler; a
 * parameter bound into a form with its own binding result is left to the binder, which
 * shows the message next to the field ({@link InputRulesBinding}). A broken rule is a
 * {@link InvalidInputProblem} naming the parameter: 400 problem details in the API, the
 * error page with the Japanese message elsewhere.
 */
class InputRulesInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Set<String> formFields = formFields(handler);
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (InputRules.hasControlCharacter(name)) {
				throw new InvalidInputProblem("parameter", InputRules.CONTROL_CHARACTER);
			}
			if (formFields.contains(root(name))) {
				continue;
			}
			for (String value : parameter.getValue()) {
				if (value != null && InputRules.hasControlCharacter(value)) {
					throw new InvalidInputProblem(name, InputRules.CONTROL_CHARACTER);
				}
			}
		}
		if (request instanceof MultipartRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
				for (MultipartFile file : part.getValue()) {
					InputRules.Violation violation = InputRules.checkText(file.getOriginalFilename(),
							InputRules.FILE_NAME_MAX_LENGTH);
					if (violation != null) {
						throw violation.problem(part.getKey());
					}
				}
			}
		}
		return true;
	}

	private static String root(String name) {
		int end = name.length();
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) == '.' || name.charAt(i) == '[') {
				end = i;
				break;
			}
		}
		return name.substring(0, end);
	}

	/** The properties of the forms the handler binds with a binding result of its own. */
	private static Set<String> formFields(Object handler) {
		Set<String> fields = new HashSet<>();
		if (handler instanceof HandlerMethod method) {
			MethodParameter[] parameters = method.getMethodParameters();
			for (int i = 0; i + 1 < parameters.length; i++) {
				if (parameters[i].hasParameterAnnotation(ModelAttribute.class)
						&& BindingResult.class.isAssignableFrom(parameters[i + 1].getParameterType())) {
					Class<?> form = parameters[i].getParameterType();
					for (var property : BeanUtils.getPropertyDescriptors(form)) {
						fields.add(property.getName());
					}
					for (Class<?> c = form; c != null && c != Object.class; c = c.getSuperclass()) {
						for (var field : c.getDeclaredFields()) {
							fields.add(field.getName());
						}
					}
				}
			}
		}
		return fields;
	}

}
