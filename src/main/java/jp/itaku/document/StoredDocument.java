package jp.itaku.document;

/**
 * A file as a {@link DocumentStore} holds it.
 *
 * @param key the key to open it with (for the file-system store, the SHA-256 in hex)
 * @param sha256 the SHA-256 of the content, lower-case hex
 * @param size the size in bytes
 */
public record StoredDocument(String key, String sha256, long size) {
}
