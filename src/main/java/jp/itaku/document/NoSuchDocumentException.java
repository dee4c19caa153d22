package jp.itaku.document;

import org.jspecify.annotations.Nullable;

/**
 * Nothing is stored under the key a {@link DocumentStore} was asked for.
 */
public class NoSuchDocumentException extends RuntimeException {

	private final @Nullable String key;

	/**
	 * Creates the exception.
	 * @param key the key that was asked for
	 */
	public NoSuchDocumentException(@Nullable String key) {
		super("No document is stored under " + key);
		this.key = key;
	}

	public @Nullable String getKey() {
		return this.key;
	}

}
