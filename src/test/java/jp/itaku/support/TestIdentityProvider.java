package jp.itaku.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * The OpenID Connect provider of the tests (issue 22): one mock-oauth2-server for the
 * whole test JVM, on the port of {@code itaku.test.oidc-port}, whatever Spring contexts
 * use it (each context caches the provider's keys, so it must stay the same server). Its
 * login is interactive, as a real provider's: the browser tests type a user name and
 * claims into its login page, the MockMvc tests post the same form ({@link #signIn}). Its
 * token endpoint plays the directory behind the provider: a refresh token can be refused
 * as a disabled account's ({@link #disable}), and the whole endpoint can be made to fail
 * as a provider that is away ({@link #away}).
 */
public final class TestIdentityProvider {

	private static final Object LOCK = new Object();

	private static TestIdentityProvider running;

	private final MockOAuth2Server server;

	private final Directory directory = new Directory();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private TestIdentityProvider(int port) throws IOException {
		this.server = new MockOAuth2Server(new OAuth2Config(true, null, null, true), this.directory);
		this.server.start(InetAddress.getByName("localhost"), port);
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::shutdown, "test-identity-provider-stop"));
	}

	/**
	 * Returns the provider, started on first use.
	 * @param port the port ({@code itaku.test.oidc-port})
	 * @return the provider
	 */
	public static TestIdentityProvider on(int port) {
		synchronized (LOCK) {
			if (running == null) {
				try {
					running = new TestIdentityProvider(port);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return running;
		}
	}

	/**
	 * Returns the server, for its addresses and the tokens it issues.
	 * @return the mock-oauth2-server
	 */
	public MockOAuth2Server server() {
		return this.server;
	}

	/**
	 * Signs a user in at the provider as its login page does: posts the user name (which
	 * becomes {@code sub}) and the claims to the authorization request Itaku sent the
	 * browser to.
	 * @param authorizationRequest the provider's authorization URL with Itaku's request
	 * @param subject the user name
	 * @param claimsJson the claims, a JSON object
	 * @return where the provider sends the browser back: Itaku's redirect URI with the
	 * code
	 */
	public String signIn(String authorizationRequest, String subject, String claimsJson) {
		String form = "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&claims="
				+ URLEncoder.encode(claimsJson, StandardCharsets.UTF_8);
		try {
			HttpResponse<Void> answer = this.http.send(HttpRequest.newBuilder(URI.create(authorizationRequest))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			return answer.headers()
				.firstValue("Location")
				.orElseThrow(() -> new IllegalStateException("The provider answered " + answer.statusCode()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Disables in the directory the user who holds a refresh token: the token endpoint
	 * refuses it with {@code invalid_grant}, as Keycloak, Entra ID or AD FS refuse a
	 * disabled account's.
	 * @param refreshToken the user's refresh token
	 */
	public void disable(String refreshToken) {
		this.directory.disabled.add(refreshToken);
	}

	/**
	 * Makes the token endpoint answer {@code 503} to every request, or answer again.
	 * @param away whether the provider is away
	 */
	public void away(boolean away) {
		this.directory.away = away;
	}

	/**
	 * The directory behind the provider: answers the token endpoint's refresh requests
	 * that it refuses, and leaves the others to the mock server.
	 */
	private static final class Directory implements Route {

		final Set<String> disabled = ConcurrentHashMap.newKeySet();

		volatile boolean away;

		@Override
		public boolean match(OAuth2HttpRequest request) {
			if (!"POST".equals(request.getMethod()) || !request.getUrl().encodedPath().endsWith("/token")) {
				return false;
			}
			return this.away
					|| this.disabled.contains(String.valueOf(request.getFormParameters().get("refresh_token")));
		}

		@Override
		public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
			Headers json = Headers.of("Content-Type", "application/json");
			if (this.away) {
				return new OAuth2HttpResponse(json, 503, "{\"error\":\"temporarily_unavailable\"}", null);
			}
			return new OAuth2HttpResponse(json, 400,
					"{\"error\":\"invalid_grant\",\"error_description\":\"Account disabled\"}", null);
		}

	}

}
