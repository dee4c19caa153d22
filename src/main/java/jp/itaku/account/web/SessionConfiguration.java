package jp.itaku.account.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jp.itaku.account.SecurityProperties;
import jp.itaku.platform.crypto.FieldEncryptor;
import org.jspecify.annotations.Nullable;
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
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Web sessions live in PostgreSQL (Spring Session JDBC, tables of
 * {@code V50__http_sessions.sql}), so that every node serves every session without sticky
 * sessions, and a user's sessions can be found by their user name and ended on every node
 * at once ({@link jp.itaku.account.UserSessions}). A session ends after
 * {@code itaku.security.idle-timeout} without a request, to the second
 * ({@code spring.session.timeout} follows it); each node deletes expired sessions every
 * minute, which is safe on any number of nodes: the delete by expiry time is idempotent
 * and an expired session is never served even before it is deleted.
 * <p>
 * Session attributes are encrypted at rest with the field-encryption key
 * ({@link FieldEncryptor}): between a redirect and the next page a session may hold a
 * one-time password, an API token or a calendar feed URL shown once, and during enrolment
 * an authenticator secret; none of them rests readable in the database or its backups.
 * (The session ids themselves are stored as Spring Session keeps them: whoever reads the
 * table can use a live session, as with any server-side session store.)
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/** The session cookie ({@code server.servlet.session.cookie.name}). */
	static final String COOKIE = "ITAKU_SESSION";

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	/** What session attributes are, for the encryption's associated data. */
	private static final String CONTEXT = "spring_session_attributes.attribute_bytes";

	/**
	 * Applies the idle timeout, encrypts session attributes at rest and reads them
	 * leniently: an attribute that no longer decrypts or deserialises (written by a node
	 * of another version during a rolling upgrade) is dropped and logged, so that its
	 * user signs in again instead of getting an error. An attribute is written with
	 * PostgreSQL's upsert: two requests of one session that add the same attribute at
	 * once (a form posted twice) both succeed, the later one's value winning, instead of
	 * the second failing on the attribute's primary key.
	 * @param properties the security settings
	 * @param encryptor the field encryption
	 * @param resources where the application's classes come from
	 * @return the customizer
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRepositoryCustomizer(SecurityProperties properties,
			FieldEncryptor encryptor, ResourceLoader resources) {
		Duration idleTimeout = properties.idleTimeout();
		PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		return (repository) -> {
			upsert.customize(repository);
			repository.setDefaultMaxInactiveInterval(idleTimeout);
			GenericConversionService conversion = new GenericConversionService();
			conversion.addConverter(Object.class, byte[].class, new Sealing(new SerializingConverter(), encryptor));
			conversion.addConverter(byte[].class, Object.class,
					new Opening(new DeserializingConverter(resources.getClassLoader()), encryptor));
			repository.setConversionService(conversion);
		};
	}

	/**
	 * Serialises a session attribute and encrypts it.
	 */
	private record Sealing(SerializingConverter serializer,
			FieldEncryptor encryptor) implements Converter<Object, byte[]> {

		@Override
		public byte[] convert(Object source) {
			String serialized = Base64.getEncoder().encodeToString(this.serializer.convert(source));
			return this.encryptor.encrypt(serialized, CONTEXT).getBytes(StandardCharsets.US_ASCII);
		}

	}

	/**
	 * Decrypts and deserialises a session attribute, or answers {@code null} when it
	 * cannot.
	 */
	private record Opening(DeserializingConverter deserializer,
			FieldEncryptor encryptor) implements Converter<byte[], Object> {

		// Converter<byte[], Object> may answer null (Spring Session then drops the
		// attribute); NullAway reads T as non-null
		@SuppressWarnings("NullAway")
		@Override
		public @Nullable Object convert(byte[] source) {
			try {
				String serialized = this.encryptor.decrypt(new String(source, StandardCharsets.US_ASCII), CONTEXT);
				return this.deserializer.convert(Base64.getDecoder().decode(serialized));
			}
			catch (SerializationFailedException | IllegalStateException | IllegalArgumentException ex) {
				log.warn("A session attribute could not be read and was dropped: {}", ex.getMessage());
				return null;
			}
		}

	}

}
