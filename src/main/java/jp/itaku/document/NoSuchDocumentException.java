package jp.itaku.document;

/**
 * Nothing is stored under the key a {@link DocumentStore} was asked for.
 */
public class NoSuchDocumentException extends RuntimeException {

	private final String key;

	/**
	 * Creates the exception.
	 * @param key the key that was asked for
	 */
	public NoSuchDocumentException(String key) {
		super("No document is stored under " + key);
		this.key = key;
	}

	public String getKey() {
		return this.key;
	}

}
