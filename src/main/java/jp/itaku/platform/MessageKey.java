package jp.itaku.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message argument that is itself a key of the message bundles, resolved in the
 * reader's locale.
 *
 * @param key the message key
 */
public record MessageKey(String key) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { this.key };
	}

	@Override
	public String getDefaultMessage() {
		return this.key;
	}

}
