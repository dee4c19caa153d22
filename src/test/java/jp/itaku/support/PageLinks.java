package jp.itaku.support;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * How the page crawls ({@code PageCrawlIT} without a browser, {@code PageHeightBrowserIT}
 * in Chromium) find the pages of an account: the links of a page that lead to another
 * page of this server, and the shape of a page (its path with the record ids set aside),
 * so that each kind of page is read without reading every record.
 */
public final class PageLinks {

	/**
	 * A record id in a path: a UUID, or a number (or a month, 2026-12) standing as a
	 * whole path segment.
	 */
	public static final Pattern ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)[0-9]+(-[0-9]{2})?(?=/|$)");

	/** Links that are no page to read: sign-out, files, feeds and the API. */
	public static final Pattern SKIPPED = Pattern.compile(
			"^/(logout|api/|actuator|css/|js/|img/|fonts/|webjars/|favicon).*|.*\\.(csv|pdf|xlsx|ics|zip|json|png|svg)$|.*/(download|files?/[^/]+|export[^/]*|calendar\\.ics|feed[^/]*)(\\?.*)?$");

	/** The language switch: the same page again. */
	public static final Pattern LANGUAGE = Pattern.compile("[?&]lang=");

	private PageLinks() {
	}

	/**
	 * The path and query of a link to a page of this server, or {@code null}.
	 * @param href the link as written
	 * @param from the path of the page that holds it
	 */
	public static @Nullable String local(String href, String from) {
		if (href.isBlank() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")
				|| href.startsWith("javascript:") || href.startsWith("//")) {
			return null;
		}
		var uri = UriComponentsBuilder.fromUriString(href).build();
		if (uri.getHost() != null && !"localhost".equals(uri.getHost())) {
			return null;
		}
		String path = uri.getPath();
		if (path == null || path.isEmpty()) {
			path = from.replaceAll("\\?.*", "");
		}
		else if (!path.startsWith("/")) {
			return null;
		}
		return (uri.getQuery() != null) ? path + "?" + uri.getQuery() : path;
	}

	/**
	 * Whether a crawl follows a link: a page of this server, not a file, a feed, the API,
	 * sign-out or the language switch.
	 */
	public static boolean followed(@Nullable String path) {
		return path != null && !SKIPPED.matcher(path).matches() && !LANGUAGE.matcher(path).find();
	}

	/** The route of a page: its path with the record ids as {@code {id}}, no query. */
	public static String route(String path) {
		return ID.matcher(path.replaceAll("[?#].*", "")).replaceAll("{id}");
	}

}
