package jp.itaku.training.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes a file to the response as an attachment that the browser does not sniff.
 */
final class Downloads {

	private Downloads() {
	}

	static void send(HttpServletResponse response, String fileName, InputStream content) throws IOException {
		response.setContentType(contentType(fileName));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = content) {
			in.transferTo(response.getOutputStream());
		}
	}

	private static String contentType(String fileName) {
		return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? "application/pdf"
				: "application/octet-stream";
	}

}
