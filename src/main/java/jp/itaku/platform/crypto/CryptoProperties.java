package jp.itaku.platform.crypto;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the field-encryption key lives.
 *
 * @param keysetFile the Tink JSON keyset file ({@code ITAKU_KEYSET_FILE})
 * @param generateIfMissing whether to create a new keyset when the file does not exist
 * and the database holds neither a recorded key nor any encrypted field (a new
 * installation); never otherwise
 */
@ConfigurationProperties("itaku.crypto")
public record CryptoProperties(@DefaultValue("./data/keys/field-encryption.json") Path keysetFile,
		@DefaultValue("true") boolean generateIfMissing) {

	/**
	 * Returns the keys directory: the keyset file's directory, where the other keys kept
	 * outside the database live beside it (the audit chain's key).
	 * @return the directory, absolute
	 */
	public @Nullable Path keysDirectory() {
		return this.keysetFile.toAbsolutePath().getParent();
	}

}
