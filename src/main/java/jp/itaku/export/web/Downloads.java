package jp.itaku.export.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.itaku.export.ObligationWorkbooks.ExportedFile;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers a download: the content with its type and an RFC 6266
 * {@code Content-Disposition} whose {@code filename*} carries the name in UTF-8 (a
 * contract number may be Japanese) and whose {@code filename} is an ASCII fallback.
 */
final class Downloads {

	private Downloads() {
	}

	/**
	 * Returns the response for a file.
	 * @param file the file
	 * @return 200 with the file as an attachment
	 */
	static ResponseEntity<byte[]> attachment(ExportedFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.fileName()))
			.body(file.content());
	}

	/**
	 * Builds the header value of an attachment.
	 * @param fileName the file's name
	 * @return e.g.
	 * {@code attachment; filename="obligations-R7-___-20260401.xlsx"; filename*=UTF-8''obligations-R7-%E6%83%85…}
	 */
	static String contentDisposition(String fileName) {
		String safe = safe(fileName);
		StringBuilder fallback = new StringBuilder(safe.length());
		safe.codePoints()
			.forEach((cp) -> fallback.append((cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\') ? (char) cp : '_'));
		String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

	/**
	 * Replaces what no file system accepts in a name (path separators, reserved signs,
	 * controls).
	 */
	private static String safe(String fileName) {
		StringBuilder safe = new StringBuilder(fileName.length());
		fileName.codePoints()
			.forEach((cp) -> safe
				.appendCodePoint((Character.isISOControl(cp) || "\\/:*?\"<>|".indexOf(cp) >= 0) ? '_' : cp));
		return safe.toString();
	}

}
