package jp.itaku.document;

/**
 * A document accepted by {@link Documents#accept}: stored, of an allowed type whose
 * content matches its extension, and checked for viruses as far as a scanner is
 * configured. The caller keeps it with its submission and shows {@link #scan()}'s status.
 *
 * @param key the key to open the content with
 * @param sha256 the SHA-256 of the content, lower-case hex (proof of what was submitted)
 * @param size the size in bytes
 * @param fileName the file name sanitised for display
 * @param contentType the content type that follows from the checked extension (the
 * browser's declared type is not trusted)
 * @param scan the virus check's result: {@link ScanStatus#CLEAN},
 * {@link ScanStatus#NOT_SCANNED} or {@link ScanStatus#FAILED}, never
 * {@link ScanStatus#INFECTED}
 */
public record UploadedDocument(String key, String sha256, long size, String fileName, String contentType,
		ScanResult scan) {
}
