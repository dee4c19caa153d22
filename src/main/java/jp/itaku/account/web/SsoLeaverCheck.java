package jp.itaku.account.web;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jp.itaku.account.SsoLeavers;
import jp.itaku.account.SsoProperties;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The periodic leaver check (issue 22: a leaver disabled in the directory cannot sign in
 * to Itaku anymore, and their Itaku sessions end at the next check). Every
 * {@code itaku.sso.leaver-check-interval}, on one node at a time (ShedLock, lock
 * {@code itaku-sso-leaver-check}), each SSO user who still has a way into Itaku (a live
 * session or an API token) has their provider's refresh token refreshed at the provider's
 * token endpoint ({@link SsoLeavers#toCheck}):
 * <ul>
 * <li>the provider refreshes it: the user is still in the directory; a new refresh token
 * replaces the old one;</li>
 * <li>the provider answers {@code invalid_grant} (the account is disabled or deleted, or
 * its grant was revoked): every session and API token of the user ends on every node and
 * the link is disabled, audited ({@link SsoLeavers#refused});</li>
 * <li>the provider cannot be reached, answers with a server error, or refuses Itaku
 * itself ({@code invalid_client}, a wrong client secret): nobody is locked out; the
 * provider's remaining users are left for this run, a warning is logged, and they are
 * checked again at the next run.</li>
 * </ul>
 * The request's access token is not needed (Itaku keeps none): a placeholder stands in
 * for it in Spring Security's request object, which sends only the refresh token, the
 * client's credentials and the scopes.
 */
@Component
public class SsoLeaverCheck {

	private static final Logger log = LoggerFactory.getLogger(SsoLeaverCheck.class);

	private static final String INVALID_GRANT = "invalid_grant";

	private final SsoProperties properties;

	private final SsoRegistrations registrations;

	private final SsoLeavers leavers;

	private final RestClientRefreshTokenTokenResponseClient tokens = new RestClientRefreshTokenTokenResponseClient();

	private final Duration interval;

	private final Clock clock;

	SsoLeaverCheck(SsoProperties properties, SsoRegistrations registrations, SsoLeavers leavers,
			@Value("${itaku.sso.leaver-check-interval:PT5M}") Duration interval,
			@Value("${itaku.sso.leaver-check-timeout:PT10S}") Duration timeout, Clock clock) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("itaku.sso.leaver-check-interval must be positive, not " + interval);
		}
		this.properties = properties;
		this.registrations = registrations;
		this.leavers = leavers;
		this.interval = interval;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		this.tokens
			.setRestClient(RestClient.builder().requestFactory(requests).configureMessageConverters((converters) -> {
				converters.addCustomConverter(new FormHttpMessageConverter());
				converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
			}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
	}

	/** Runs the check unless another node is running it; called by the scheduler. */
	@Scheduled(fixedDelayString = "${itaku.sso.leaver-check-interval:PT5M}",
			initialDelayString = "${itaku.sso.leaver-check-interval:PT5M}")
	@SchedulerLock(name = "itaku-sso-leaver-check", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}")
	public void run() {
		if (this.properties.providers().isEmpty()) {
			return;
		}
		LockAssert.assertLocked();
		Result result = check();
		if (result.refused() > 0) {
			log.info("SSO leaver check: {} refreshed, {} refused by their provider (sessions ended), {} postponed",
					result.refreshed(), result.refused(), result.postponed());
		}
	}

	/**
	 * Checks every SSO user who still has a way into Itaku, now, on this node.
	 * @return what became of them
	 */
	public Result check() {
		Set<String> unreachable = new TreeSet<>();
		int refreshed = 0;
		int refused = 0;
		int postponed = 0;
		for (SsoLeavers.Grant grant : this.leavers.toCheck()) {
			if (unreachable.contains(grant.provider())) {
				postponed++;
				continue;
			}
			ClientRegistration registration = this.properties.provider(grant.provider()).isPresent()
					? this.registrations.findByRegistrationId(grant.provider()) : null;
			if (registration == null) {
				unreachable.add(grant.provider());
				postponed++;
				log.warn("SSO leaver check: identity provider {} is not configured or cannot be discovered;"
						+ " its users are checked again in {}", grant.provider(), this.interval);
				continue;
			}
			try {
				OAuth2AccessTokenResponse response = this.tokens.getTokenResponse(refresh(registration, grant));
				OAuth2RefreshToken next = response.getRefreshToken();
				this.leavers.refreshed(grant, (next != null) ? next.getTokenValue() : grant.refreshToken());
				refreshed++;
			}
			catch (OAuth2AuthorizationException ex) {
				if (INVALID_GRANT.equals(ex.getError().getErrorCode())) {
					if (this.leavers.refused(grant, INVALID_GRANT, ex.getError().getDescription())) {
						refused++;
					}
					continue;
				}
				unreachable.add(grant.provider());
				postponed++;
				log.warn(
						"SSO leaver check: identity provider {} answered {}; nobody's session ends,"
								+ " its users are checked again in {}",
						grant.provider(), ex.getError().getErrorCode(), this.interval);
			}
			catch (RuntimeException ex) {
				unreachable.add(grant.provider());
				postponed++;
				log.warn(
						"SSO leaver check: identity provider {} cannot be reached ({}); nobody's session ends,"
								+ " its users are checked again in {}",
						grant.provider(), ex.getClass().getSimpleName(), this.interval);
			}
		}
		return new Result(refreshed, refused, postponed, unreachable);
	}

	private OAuth2RefreshTokenGrantRequest refresh(ClientRegistration registration, SsoLeavers.Grant grant) {
		Instant now = Instant.now(this.clock);
		OAuth2AccessToken placeholder = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "none", now,
				now.plusSeconds(1));
		return new OAuth2RefreshTokenGrantRequest(registration, placeholder,
				new OAuth2RefreshToken(grant.refreshToken(), null), registration.getScopes());
	}

	/**
	 * What a check did.
	 *
	 * @param refreshed the users whose provider refreshed their grant
	 * @param refused the users whose provider refused it (their access ended)
	 * @param postponed the users left for the next run (their provider away)
	 * @param unreachable the providers that could not be asked
	 */
	public record Result(int refreshed, int refused, int postponed, Set<String> unreachable) {
	}

}
