package jp.itaku.support;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests keep holding a {@link MockHttpSession} while the application's
 * sessions live in the database (Spring Session): the session id travels in the cookie as
 * in production and, for MockMvc, also in the {@link StoredSession} a request leaves
 * behind, which reads its attributes from the session repository. A test passes it to the
 * next request with {@code .session(session)} exactly as before.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	@Bean
	HttpSessionIdResolver mockMvcSessionIds(ObjectProvider<SessionRepository<? extends Session>> repository) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName("ITAKU_SESSION");
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		CookieHttpSessionIdResolver delegate = new CookieHttpSessionIdResolver();
		delegate.setCookieSerializer(cookies);
		return new Bridge(delegate, repository);
	}

	private record Bridge(CookieHttpSessionIdResolver delegate,
			ObjectProvider<SessionRepository<? extends Session>> repository) implements HttpSessionIdResolver {

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			List<String> ids = this.delegate.resolveSessionIds(request);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (!ids.isEmpty() || mock == null) {
				return ids;
			}
			HttpSession held = mock.getSession(false);
			return (held instanceof StoredSession stored && stored.sessionId != null) ? List.of(stored.sessionId)
					: List.of();
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			this.delegate.setSessionId(request, response, sessionId);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock != null) {
				if (mock.getSession(false) instanceof StoredSession stored) {
					stored.sessionId = sessionId;
				}
				else {
					mock.setSession(new StoredSession(sessionId, this.repository));
				}
			}
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			this.delegate.expireSession(request, response);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock != null && mock.getSession(false) instanceof StoredSession stored) {
				stored.sessionId = null;
			}
		}

	}

	/**
	 * The session a MockMvc request left behind: its id in the database, and its
	 * attributes as stored there.
	 */
	public static final class StoredSession extends MockHttpSession {

		private volatile String sessionId;

		private final ObjectProvider<SessionRepository<? extends Session>> repository;

		StoredSession(String sessionId, ObjectProvider<SessionRepository<? extends Session>> repository) {
			this.sessionId = sessionId;
			this.repository = repository;
		}

		/**
		 * Returns the id of the session in the database.
		 * @return the id, or {@code null} once the application expired it
		 */
		public String sessionId() {
			return this.sessionId;
		}

		@Override
		public Object getAttribute(String name) {
			String id = this.sessionId;
			Session stored = (id != null) ? this.repository.getObject().findById(id) : null;
			return (stored != null) ? stored.getAttribute(name) : null;
		}

	}

}
