package jp.itaku.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ConflictProblem;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Runs the handler methods marked {@link Idempotent} once per user and one-time key, on
 * any number of nodes (table {@code idempotent_request}). For the API the key's row is
 * inserted first and completed with the answer in the same transaction as the record the
 * handler creates: a duplicate that arrives at the same moment waits on the row until the
 * first commits, then finds it and gets the stored answer instead of running the handler;
 * when the first fails, nothing is stored and the duplicate runs as if it came first. A
 * form's key is claimed and completed around the handler in transactions of their own
 * (see {@link #aroundTheForm}). Keys expire after {@code itaku.idempotency.ttl} (24 hours
 * by default); the janitor removes their rows.
 */
@Component
public class IdempotentRequests {

	/** The header that carries an API request's key. */
	public static final String HEADER = "Idempotency-Key";

	/** The hidden field that carries a create form's key. */
	public static final String FORM_FIELD = "formKey";

	/** Marks an answer given again from the stored first one. */
	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private static final String REDIRECT = "redirect:";

	private static final int CLAIM_ATTEMPTS = 3;

	/** How long a second post of a form waits for the first one's result. */
	private static final Duration FORM_WAIT = Duration.ofSeconds(30);

	private static final Duration FORM_POLL = Duration.ofMillis(100);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration ttl;

	IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
			@Value("${itaku.idempotency.ttl:PT24H}") Duration ttl) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Returns how long a key is remembered.
	 * @return the time to live of a key
	 */
	public Duration ttl() {
		return this.ttl;
	}

	/**
	 * Removes the keys that have expired, for the janitor.
	 * @return how many were removed
	 */
	public int removeExpired() {
		return this.jdbc.sql("delete from idempotent_request where created_at < :expiredBefore")
			.param("expiredBefore", utc(Instant.now(this.clock).minus(this.ttl)))
			.update();
	}

	/**
	 * Runs a handler method marked {@link Idempotent}.
	 * @param invocation the call of the handler method
	 * @return the handler's answer, or the stored answer of the first request with the
	 * same key
	 * @throws Throwable whatever the handler throws
	 */
	@Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return invocation.proceed();
		}
		HttpServletRequest request = attributes.getRequest();
		boolean api = AnnotatedElementUtils.hasAnnotation(invocation.getMethod().getDeclaringClass(),
				RestController.class);
		String key = api ? request.getHeader(HEADER) : request.getParameter(FORM_FIELD);
		Optional<Actor> actor = CurrentActor.find();
		if (key == null || key.isEmpty() || actor.isEmpty()) {
			return invocation.proceed();
		}
		if (!KEY.matcher(key).matches()) {
			if (api) {
				throw new ItakuProblem(HttpStatus.BAD_REQUEST, "error.invalidInput",
						List.of(new FieldProblem(HEADER, "error.idempotency.keyInvalid")));
			}
			return invocation.proceed();
		}
		String requestHash = fingerprint(request, api ? invocation.getArguments() : new Object[0],
				invocation.getMethod().getAnnotation(Idempotent.class));
		Once once = new Once(actor.get().userId(), api ? key : "form:" + key, requestHash, api);
		return api ? inTheRecordsTransaction(invocation, once, attributes)
				: aroundTheForm(invocation, once, attributes);
	}

	/**
	 * An API request: the key's row is written in the same transaction as the record, so
	 * the two are committed together or not at all.
	 */
	private @Nullable Object inTheRecordsTransaction(MethodInvocation invocation, Once once,
			ServletRequestAttributes attributes) throws Throwable {
		Outcome outcome = this.transaction.execute((status) -> {
			Optional<Answer> first = claim(once);
			if (first.isPresent()) {
				status.setRollbackOnly();
				return new Outcome(replay(once, first.get(), attributes), null);
			}
			Object result;
			try {
				result = invocation.proceed();
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// A checked exception of the handler: roll back, then rethrow it as it
				// is.
				status.setRollbackOnly();
				return new Outcome(null, ex);
			}
			if (status.isRollbackOnly()) {
				// A failure the handler caught: end the transaction quietly, store
				// nothing.
				status.setRollbackOnly();
			}
			else {
				answerOf(result, true).ifPresent((answer) -> complete(once, answer));
			}
			return new Outcome(result, null);
		});
		if (outcome.thrown() != null) {
			throw outcome.thrown();
		}
		return outcome.result();
	}

	/**
	 * A form: the key is claimed in a transaction of its own before the handler runs and
	 * completed (or given up when the form is shown again with errors) after it, so the
	 * handler runs exactly as without a key — a page handler that catches a service's
	 * failure reads again to show the form, which it could not do in a transaction that
	 * failed. A second post of the same form meanwhile waits for the first one's result.
	 * Should the node die between the record's commit and the key's completion, the key
	 * stays claimed and the form cannot be posted again with it; nothing is created
	 * twice.
	 */
	private @Nullable Object aroundTheForm(MethodInvocation invocation, Once once, ServletRequestAttributes attributes)
			throws Throwable {
		Instant giveUp = Instant.now(this.clock).plus(FORM_WAIT);
		for (;;) {
			Optional<Answer> first = this.separately.execute((status) -> claim(once));
			if (first.isEmpty()) {
				break;
			}
			if (first.get().status() != null || !once.requestHash().equals(first.get().requestHash())) {
				return replay(once, first.get(), attributes);
			}
			if (Instant.now(this.clock).isAfter(giveUp)) {
				throw new ConflictProblem(FORM_FIELD, "form.pending");
			}
			Thread.sleep(FORM_POLL.toMillis());
		}
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			forget(once);
			throw ex;
		}
		Optional<Answer> answer = answerOf(result, false);
		if (answer.isPresent()) {
			this.separately.executeWithoutResult((status) -> complete(once, answer.get()));
		}
		else {
			forget(once);
		}
		return result;
	}

	private void forget(Once once) {
		this.separately.executeWithoutResult((status) -> this.jdbc
			.sql("delete from idempotent_request where user_id = :user and idempotency_key = :key and status is null")
			.param("user", once.userId())
			.param("key", once.key())
			.update());
	}

	/**
	 * Inserts the key's row, or finds the row of the first request with that key. An
	 * expired row is taken over as if it were absent.
	 * @return the first request's answer; empty when this request is the first
	 */
	private Optional<Answer> claim(Once once) {
		Instant now = Instant.now(this.clock);
		for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
			boolean claimed = !this.jdbc.sql("""
					insert into idempotent_request (user_id, idempotency_key, request_hash, created_at)
					values (:user, :key, :hash, :now)
					on conflict (user_id, idempotency_key) do update
					    set request_hash = excluded.request_hash, created_at = excluded.created_at,
					        status = null, location = null, content_type = null, body = null
					    where idempotent_request.created_at < :expiredBefore
					returning 1
					""")
				.param("user", once.userId())
				.param("key", once.key())
				.param("hash", once.requestHash())
				.param("now", utc(now))
				.param("expiredBefore", utc(now.minus(this.ttl)))
				.query(Integer.class)
				.list()
				.isEmpty();
			if (claimed) {
				return Optional.empty();
			}
			Optional<Answer> first = this.jdbc.sql("""
					select request_hash, status, location, content_type, body from idempotent_request
					where user_id = :user and idempotency_key = :key
					""")
				.param("user", once.userId())
				.param("key", once.key())
				.query((rs, n) -> new Answer(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
						rs.getString(4), rs.getBytes(5)))
				.optional();
			if (first.isPresent()) {
				return first;
			}
			// Removed as expired between the two statements: claim again.
		}
		throw new ItakuProblem(HttpStatus.CONFLICT, "error.idempotency.pending", List.of());
	}

	private void complete(Once once, Answer answer) {
		this.jdbc.sql("""
				update idempotent_request set status = :status, location = :location, content_type = :type, body = :body
				where user_id = :user and idempotency_key = :key
				""")
			.param("status", answer.status())
			.param("location", answer.location())
			.param("type", answer.contentType())
			.param("body", answer.body())
			.param("user", once.userId())
			.param("key", once.key())
			.update();
	}

	/**
	 * Gives the first request's answer again: the stored status, Location and body for
	 * the API (written straight to the response; the handler's return value is then
	 * {@code null}), a redirect to the same page for a form.
	 */
	private @Nullable Object replay(Once once, Answer first, ServletRequestAttributes attributes) {
		if (!once.requestHash().equals(first.requestHash())) {
			throw new ItakuProblem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalidInput",
					List.of(new FieldProblem(HEADER, "error.idempotency.mismatch")));
		}
		if (first.status() == null) {
			throw new ItakuProblem(HttpStatus.CONFLICT, "error.idempotency.pending", List.of());
		}
		log.info("Repeated request with a used one-time key: the first answer is given again");
		if (!once.api()) {
			RequestContextUtils.getOutputFlashMap(attributes.getRequest()).put("flash", "form.alreadySubmitted");
			return REDIRECT + first.location();
		}
		HttpServletResponse response = attributes.getResponse();
		if (response == null) {
			throw new IllegalStateException("No response to replay an answer to");
		}
		response.setStatus(first.status());
		response.setHeader(REPLAYED_HEADER, "true");
		if (first.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, first.location());
		}
		if (first.body() != null) {
			response.setContentType(first.contentType());
			response.setContentLength(first.body().length);
			try {
				response.getOutputStream().write(first.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return null;
	}

	/**
	 * Returns what to store of a successful answer: a 2xx {@code ResponseEntity} of the
	 * API with its body as JSON, or a page's redirect.
	 */
	private Optional<Answer> answerOf(@Nullable Object result, boolean api) {
		if (api && result instanceof ResponseEntity<?> entity && entity.getStatusCode().is2xxSuccessful()) {
			String location = (entity.getHeaders().getLocation() != null) ? entity.getHeaders().getLocation().toString()
					: null;
			if (entity.getBody() == null) {
				return Optional.of(new Answer(null, entity.getStatusCode().value(), location, null, null));
			}
			MediaType type = (entity.getHeaders().getContentType() != null) ? entity.getHeaders().getContentType()
					: MediaType.APPLICATION_JSON;
			byte[] body = (entity.getBody() instanceof byte[] bytes) ? bytes
					: this.json.writeValueAsBytes(entity.getBody());
			return Optional.of(new Answer(null, entity.getStatusCode().value(), location, type.toString(), body));
		}
		if (!api && result instanceof String view && view.startsWith(REDIRECT)) {
			return Optional
				.of(new Answer(null, HttpStatus.FOUND.value(), view.substring(REDIRECT.length()), null, null));
		}
		return Optional.empty();
	}

	/**
	 * Returns the SHA-256 of what makes a request the same request: method and path, and
	 * for the API the bound arguments (path variables, the body as JSON, the uploaded
	 * files' names and contents).
	 */
	private String fingerprint(HttpServletRequest request, Object[] arguments, Idempotent idempotent) {
		MessageDigest digest = sha256();
		update(digest, request.getMethod() + " " + request.getRequestURI());
		for (Object argument : arguments) {
			update(digest, "\n");
			if (argument == null) {
				update(digest, "null");
			}
			else if (argument instanceof MultipartFile file) {
				update(digest, file(file));
			}
			else if (argument instanceof Collection<?> collection && !collection.isEmpty()
					&& collection.stream().allMatch(MultipartFile.class::isInstance)) {
				collection.forEach((file) -> update(digest, file((MultipartFile) file) + "\n"));
			}
			else if (!isContext(argument)) {
				update(digest, asJson(argument, (idempotent != null) ? idempotent.unhashed() : new String[0]));
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private String asJson(Object argument, String[] unhashed) {
		try {
			JsonNode tree = this.json.valueToTree(argument);
			if (tree instanceof ObjectNode object) {
				for (String property : unhashed) {
					object.remove(property);
				}
			}
			return argument.getClass().getName() + ":" + this.json.writeValueAsString(tree);
		}
		catch (JacksonException ex) {
			return argument.getClass().getName() + ":" + argument;
		}
	}

	private static boolean isContext(Object argument) {
		return argument instanceof ServletRequest || argument instanceof ServletResponse
				|| argument instanceof HttpSession || argument instanceof Model || argument instanceof Errors
				|| argument instanceof RedirectAttributes || argument instanceof Principal || argument instanceof Locale
				|| argument instanceof WebRequest || argument instanceof RequestAttributes;
	}

	private static String file(MultipartFile file) {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read an uploaded file", ex);
		}
		return "file:" + file.getName() + ":" + file.getOriginalFilename() + ":" + file.getSize() + ":"
				+ HexFormat.of().formatHex(digest.digest());
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * One request with a key.
	 *
	 * @param userId the acting user, whose keys are their own
	 * @param key the key as stored (a form's key is prefixed {@code form:})
	 * @param requestHash the request's fingerprint
	 * @param api whether it came through the API
	 */
	private record Once(UUID userId, String key, String requestHash, boolean api) {
	}

	/**
	 * A stored answer.
	 *
	 * @param requestHash the fingerprint of the request that got it
	 * @param status its status, {@code null} while not recorded
	 * @param location its Location, or the page a form was redirected to
	 * @param contentType the type of its body
	 * @param body its body
	 */
	private record Answer(@Nullable String requestHash, @Nullable Integer status, @Nullable String location,
			@Nullable String contentType, byte @Nullable [] body) {
	}

	/**
	 * What the transaction gave: the result to return, or a checked exception of the
	 * handler to rethrow after the rollback.
	 */
	private record Outcome(@Nullable Object result, @Nullable Throwable thrown) {
	}

}
