package jp.itaku.document;

import java.io.IOException;

/**
 * Raised by {@link TextContentCheck} while a file streams into the store, so that the
 * store discards it before it is ever published.
 */
class ContentMismatchException extends IOException {

	ContentMismatchException(String reason) {
		super(reason);
	}

}
