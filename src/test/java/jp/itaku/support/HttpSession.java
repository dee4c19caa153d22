package jp.itaku.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of a running Itaku over real HTTP (tests that start the application as a
 * server or a child process): a browser-like session with cookies and the sign-in form,
 * or an API token; JSON and multipart bodies.
 */
public final class HttpSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private String token;

	/**
	 * Creates a session.
	 * @param base the server's address, e.g. {@code http://127.0.0.1:8080}
	 */
	public HttpSession(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Returns the server's address.
	 * @return the address this session talks to
	 */
	public String base() {
		return this.base;
	}

	/**
	 * Uses an API token from now on.
	 * @param token the token
	 * @return this session
	 */
	public HttpSession bearer(String token) {
		this.token = token;
		return this;
	}

	/**
	 * Signs in with the form (CSRF token from the sign-in page).
	 * @param username the user ID
	 * @param password the password
	 * @return the sign-in's answer (a redirect)
	 */
	public HttpResponse<String> signIn(String username, String password) {
		HttpResponse<String> page = get("/login");
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page: " + page.statusCode());
		}
		return send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))))));
	}

	/**
	 * Sends a GET.
	 * @param path the path
	 * @return the answer
	 */
	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/**
	 * Sends a POST with a JSON body.
	 * @param path the path
	 * @param json the body
	 * @return the answer
	 */
	public HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Sends a POST with a raw body.
	 * @param path the path
	 * @param contentType the body's type
	 * @param body the body
	 * @return the answer
	 */
	public HttpResponse<String> post(String path, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * Sends a multipart POST with one file and text fields.
	 * @param path the path
	 * @param fileField the file part's name
	 * @param fileName the file's name
	 * @param content the file's content
	 * @param fields the text parts
	 * @return the answer
	 */
	public HttpResponse<String> postFile(String path, String fileField, String fileName, byte[] content,
			Map<String, String> fields) {
		String boundary = "itaku-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: text/plain\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		request.timeout(Duration.ofSeconds(60));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
