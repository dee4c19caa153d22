package jp.itaku.account.web;

import java.time.Duration;

import jp.itaku.account.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Web sessions live in PostgreSQL (Spring Session JDBC, tables of
 * {@code V50__http_sessions.sql}), so that every node serves every session without sticky
 * sessions, and a user's sessions can be found by their user name and ended on every node
 * at once ({@link jp.itaku.account.UserSessions}). A session ends after
 * {@code itaku.security.idle-timeout} without a request, to the second
 * ({@code spring.session.timeout} follows it); each node deletes expired sessions every
 * minute, which is safe on any number of nodes: the delete by expiry time is idempotent
 * and an expired session is never served even before it is deleted.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/** The session cookie ({@code server.servlet.session.cookie.name}). */
	static final String COOKIE = "ITAKU_SESSION";

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	/**
	 * Applies the idle timeout and reads session attributes leniently: an attribute that
	 * no longer deserialises (written by a node of another version during a rolling
	 * upgrade) is dropped and logged by name, so that its user signs in again instead of
	 * getting an error.
	 * @param properties the security settings
	 * @param resources where the application's classes come from
	 * @return the customizer
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRepositoryCustomizer(SecurityProperties properties,
			ResourceLoader resources) {
		Duration idleTimeout = properties.idleTimeout();
		return (repository) -> {
			repository.setDefaultMaxInactiveInterval(idleTimeout);
			GenericConversionService conversion = new GenericConversionService();
			conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
			conversion.addConverter(byte[].class, Object.class,
					new LenientDeserializer(new DeserializingConverter(resources.getClassLoader())));
			repository.setConversionService(conversion);
		};
	}

	/**
	 * Deserialises a session attribute, or answers {@code null} when it cannot.
	 */
	private record LenientDeserializer(DeserializingConverter delegate) implements Converter<byte[], Object> {

		@Override
		public Object convert(byte[] source) {
			try {
				return this.delegate.convert(source);
			}
			catch (SerializationFailedException ex) {
				log.warn("A session attribute could not be read and was dropped: {}", ex.getMessage());
				return null;
			}
		}

	}

}
