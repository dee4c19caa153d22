package jp.itaku.inspection.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Marks an answer given on an old API path that is kept for one release after the finding
 * steps were renamed to the vocabulary every finding shares ({@code /instruct} →
 * {@code /acknowledge}, {@code /respond} → {@code /explain}, {@code /accept} →
 * {@code /close}): a {@code Deprecation} header (RFC 9745, the day the path was
 * deprecated) and a {@code Link} to the path that replaces it.
 */
final class DeprecatedAlias {

	/** 2026-12-06T00:00:00Z, the release that renamed the steps. */
	static final String SINCE = "@1796515200";

	private DeprecatedAlias() {
	}

	/**
	 * Adds the deprecation headers.
	 * @param response the answer
	 * @param successor the path that replaces the one called
	 */
	static void mark(HttpServletResponse response, String successor) {
		response.setHeader("Deprecation", SINCE);
		response.addHeader("Link", "<" + successor + ">; rel=\"successor-version\"");
	}

}
