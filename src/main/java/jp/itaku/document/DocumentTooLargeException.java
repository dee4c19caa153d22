package jp.itaku.document;

/**
 * More bytes arrived than a {@link DocumentStore} was allowed to accept; nothing was
 * stored.
 */
class DocumentTooLargeException extends RuntimeException {

	private final long maxBytes;

	/**
	 * Creates the exception.
	 * @param maxBytes the limit that was exceeded
	 */
	public DocumentTooLargeException(long maxBytes) {
		super("The content is larger than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	public long getMaxBytes() {
		return this.maxBytes;
	}

}
