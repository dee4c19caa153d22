package jp.itaku.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own answers: a request Tomcat refuses before any servlet sees it (a malformed
 * request line, an invalid character in the address, headers too large) gets the same
 * answer as Spring's refusals — {@code application/problem+json} in Japanese on
 * {@code /api/**}, a plain Japanese error page elsewhere — instead of Tomcat's English
 * HTML report. Replaces the host's error report valve (Spring Boot's included) with
 * {@link Valve}.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final ProblemMessages messages;

	private final JsonMapper json;

	TomcatErrors(ProblemMessages messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				Container parent = context.getParent();
				if (parent instanceof Host host) {
					for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof Valve)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new Valve(this.messages, this.json));
				}
			}
		}));
	}

	/** The error report of the host: problem details or a Japanese page. */
	static final class Valve extends ErrorReportValve {

		private final ProblemMessages messages;

		private final JsonMapper json;

		Valve(ProblemMessages messages, JsonMapper json) {
			this.messages = messages;
			this.json = json;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus status = HttpStatus.resolve(code);
			if (status == null) {
				status = HttpStatus.BAD_REQUEST;
			}
			Locale locale = english(request) ? Locale.ENGLISH : Locale.JAPANESE;
			String message = (this.messages != null) ? this.messages.text(locale, ErrorPages.messageKey(status))
					: status.getReasonPhrase();
			try {
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setLocale(locale);
				Writer out = response.getReporter();
				if (out == null) {
					return;
				}
				// A request line Tomcat could not read names no address: its sender is a
				// program, not a browser, so it gets problem details.
				String uri = request.getRequestURI();
				if (uri == null || uri.isEmpty() || ErrorPages.isApi(uri, "")) {
					response.setContentType("application/problem+json");
					out.write(this.json.writeValueAsString(ProblemDetail.forStatusAndDetail(status, message)));
				}
				else {
					response.setContentType("text/html");
					out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
							+ "\"><head><meta charset=\"utf-8\">" + "<title>" + code + "</title></head><body><h1>"
							+ code + "</h1><p>" + HtmlUtils.htmlEscape(message)
							+ "</p><p><a href=\"/\">Itaku</a></p></body></html>");
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response cannot be written: nothing more to
				// say.
			}
		}

		private static boolean english(HttpServletRequest request) {
			String accept = request.getHeader("Accept-Language");
			return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en");
		}

	}

}
