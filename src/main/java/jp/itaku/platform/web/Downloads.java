package jp.itaku.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends a file as an attachment that the browser does not sniff: a PDF as
 * {@code application/pdf}, anything else as {@code application/octet-stream}; to a page's
 * response or as an API answer.
 */
public final class Downloads {

	private Downloads() {
	}

	/**
	 * Writes a file to a response and closes its content.
	 * @param response the response
	 * @param fileName the name the browser saves it as
	 * @param content the content
	 * @throws IOException when it cannot be read or written
	 */
	public static void send(HttpServletResponse response, @Nullable String fileName, InputStream content)
			throws IOException {
		response.setContentType(contentType(fileName));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = content) {
			in.transferTo(response.getOutputStream());
		}
	}

	/**
	 * Reads a file into an API answer and closes its content.
	 * @param fileName the name the client saves it as
	 * @param content the content
	 * @return the answer
	 * @throws IOException when it cannot be read
	 */
	public static ResponseEntity<byte[]> entity(@Nullable String fileName, InputStream content) throws IOException {
		try (InputStream in = content) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(contentType(fileName)))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(in.readAllBytes());
		}
	}

	private static String contentType(@Nullable String fileName) {
		return (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".pdf")) ? "application/pdf"
				: "application/octet-stream";
	}

}
