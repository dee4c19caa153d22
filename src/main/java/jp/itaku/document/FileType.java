package jp.itaku.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file whose content can be cheaply checked against the extension: the magic
 * bytes at the start, or for text, valid UTF-8 or Shift_JIS without NUL bytes (checked as
 * the file streams by, see {@link TextContentCheck}). Also the content type a file is
 * recorded with, so that the browser's declared type is never trusted.
 */
enum FileType {

	PDF("application/pdf", List.of("pdf"), Magic.PDF),

	PNG("image/png", List.of("png"), Magic.PNG),

	JPEG("image/jpeg", List.of("jpg", "jpeg"), Magic.JPEG),

	GIF("image/gif", List.of("gif"), Magic.GIF87A, Magic.GIF89A),

	WORD("application/msword", List.of("doc"), Magic.OLE2),

	EXCEL("application/vnd.ms-excel", List.of("xls"), Magic.OLE2),

	POWERPOINT("application/vnd.ms-powerpoint", List.of("ppt"), Magic.OLE2),

	// A password-protected Office Open XML file is an OLE2 container (EncryptedPackage).
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), Magic.ZIP,
			Magic.OLE2),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), Magic.ZIP, Magic.OLE2),

	PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"), Magic.ZIP,
			Magic.OLE2),

	ODT("application/vnd.oasis.opendocument.text", List.of("odt"), Magic.ZIP),

	ODS("application/vnd.oasis.opendocument.spreadsheet", List.of("ods"), Magic.ZIP),

	ODP("application/vnd.oasis.opendocument.presentation", List.of("odp"), Magic.ZIP),

	CSV("text/csv", List.of("csv")),

	TEXT("text/plain", List.of("txt"));

	/** How many bytes from the start of a file {@link #matches} needs. */
	static final int HEAD_LENGTH = 8;

	private final String contentType;

	private final List<String> extensions;

	private final byte[][] signatures;

	FileType(String contentType, List<String> extensions, byte[]... signatures) {
		this.contentType = contentType;
		this.extensions = extensions;
		this.signatures = signatures;
	}

	/**
	 * Finds the type of an extension.
	 * @param extension the extension without the dot, any case
	 * @return the type, or empty when the content of such files is not checked
	 */
	static Optional<FileType> of(String extension) {
		String lower = extension.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> type.extensions.contains(lower)).findFirst();
	}

	String contentType() {
		return this.contentType;
	}

	/**
	 * Tells whether the file is text, checked as a whole while it streams by.
	 * @return whether it is text
	 */
	boolean isText() {
		return this.signatures.length == 0;
	}

	/**
	 * Checks the start of a file.
	 * @param head the first {@link #HEAD_LENGTH} bytes, fewer for a shorter file
	 * @return whether the file may be of this type
	 */
	boolean matches(byte[] head) {
		if (isText()) {
			return true;
		}
		return Arrays.stream(this.signatures).anyMatch((signature) -> startsWith(head, signature));
	}

	private static boolean startsWith(byte[] head, byte[] signature) {
		return head.length >= signature.length
				&& Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
	}

	/**
	 * The magic bytes.
	 */
	private static final class Magic {

		static final byte[] PDF = "%PDF".getBytes(StandardCharsets.US_ASCII);

		static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);

		static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF);

		static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);

		static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);

		static final byte[] ZIP = bytes('P', 'K', 0x03, 0x04);

		static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

		private static byte[] bytes(int... values) {
			byte[] bytes = new byte[values.length];
			for (int i = 0; i < values.length; i++) {
				bytes[i] = (byte) values[i];
			}
			return bytes;
		}

	}

}
