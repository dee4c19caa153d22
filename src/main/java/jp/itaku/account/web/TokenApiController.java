package jp.itaku.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.itaku.account.ApiToken;
import jp.itaku.account.ApiTokens;
import jp.itaku.account.SignInThrottled;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.UnauthorizedProblem;
import jp.itaku.platform.web.ProblemMessages;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: {@code POST /api/v1/tokens} with user name, password and (when enrolled)
 * the TOTP code issues one; a signed-in client lists and revokes its own.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final ApiTokens tokens;

	private final ProblemMessages messages;

	TokenApiController(ApiTokens tokens, ProblemMessages messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@PostMapping
	ResponseEntity<IssuedTokenView> issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		return this.tokens
			.issueForCredentials(request.username(), request.password(), request.totpCode(), request.name(),
					request.validityDays(), http.getRemoteAddr())
			.map((issued) -> ResponseEntity.status(HttpStatus.CREATED)
				.body(new IssuedTokenView(TokenView.of(issued.token()), issued.value())))
			.orElseThrow(() -> new UnauthorizedProblem("error.credentialsRefused"));
	}

	/** Too many failures from this source: 429 with the wait in {@code Retry-After}. */
	@ExceptionHandler(SignInThrottled.class)
	ResponseEntity<ProblemDetail> throttled(SignInThrottled problem) {
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.messages.toProblemDetail(problem));
	}

	@GetMapping
	List<TokenView> list() {
		return this.tokens.list(CurrentActor.require()).stream().map(TokenView::of).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable("id") UUID id) {
		this.tokens.revoke(CurrentActor.require(), id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A request for a token.
	 *
	 * @param username the sign-in name
	 * @param password the password
	 * @param totpCode the authenticator's code (or a recovery code), when enrolled
	 * @param name what the token is for
	 * @param validityDays days until it expires; the default when absent
	 */
	record TokenRequest(@NotBlank(message = "{validation.required}") String username,
			@NotBlank(message = "{validation.required}") String password, String totpCode,
			@NotBlank(message = "{validation.required}") @Size(max = 100,
					message = "{validation.maxLength}") String name,
			Integer validityDays) {

		@Override
		public String toString() {
			return "TokenRequest[" + this.username + "]";
		}

	}

	/**
	 * A token without its secret.
	 *
	 * @param id the id
	 * @param name what it is for
	 * @param prefix its first characters, to recognise it
	 * @param createdAt when it was issued
	 * @param expiresAt when it expires
	 * @param revokedAt when it was revoked, if it was
	 * @param lastUsedAt when it was last used
	 */
	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
			@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

		static TokenView of(ApiToken token) {
			return new TokenView(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
					token.getExpiresAt(), token.getRevokedAt(), token.getLastUsedAt());
		}

	}

	/**
	 * A token just issued, with its secret value, shown once.
	 *
	 * @param token the token
	 * @param value the value to send as {@code Authorization: Bearer …}
	 */
	record IssuedTokenView(TokenView token, String value) {
	}

}
