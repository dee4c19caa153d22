package jp.itaku.logevidence;

import org.jspecify.annotations.Nullable;

/**
 * A line that cannot be read, with the reason (a message key and its argument) shown next
 * to its line number. Thrown without a stack trace: a batch may hold many.
 */
final class MalformedLine extends RuntimeException {

	private final String reasonKey;

	private final @Nullable String argument;

	MalformedLine(String reasonKey, @Nullable String argument) {
		super(reasonKey, null, false, false);
		this.reasonKey = reasonKey;
		this.argument = argument;
	}

	MalformedLine(String reasonKey) {
		this(reasonKey, null);
	}

	String reasonKey() {
		return this.reasonKey;
	}

	@Nullable String argument() {
		return this.argument;
	}

	/**
	 * Returns the reason as stored with the batch: the key, then the argument after a
	 * colon.
	 * @return the reason
	 */
	String reason() {
		return (this.argument != null) ? this.reasonKey + ":" + this.argument : this.reasonKey;
	}

}
