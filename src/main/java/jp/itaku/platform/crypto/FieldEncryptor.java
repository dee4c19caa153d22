package jp.itaku.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM (Google Tink). The keyset lives in a
 * file named by configuration, never in the database, and is the same on every node
 * ({@link FieldKeyset} refuses to start a node whose keyset does not fit the database);
 * each ciphertext is bound to its field and record through the associated data, so a
 * ciphertext copied to another row does not decrypt. A module that stores ciphertexts
 * declares their column as an {@link EncryptedColumn} bean.
 */
@Component
public class FieldEncryptor {

	private final FieldKeyset keyset;

	FieldEncryptor(FieldKeyset keyset) {
		this.keyset = keyset;
	}

	/**
	 * Returns the fingerprint of the keyset: that of its primary key, the SHA-256 of the
	 * key's raw bytes in lower-case hex. It is the same on every node that shares the
	 * keyset, survives restarts, and changes only when {@code rotate-keys} adds a new
	 * primary key; a keyset rotated since still holds the key of an older fingerprint
	 * until {@code retire-keys} ({@link FieldKeyset#holdsKey}).
	 * @return 64 lower-case hex digits
	 */
	public String fingerprint() {
		return this.keyset.fingerprint();
	}

	/**
	 * Tells whether the keyset holds a key, e.g. the primary key named in a backup taken
	 * before a rotation (old keys stay until {@code retire-keys}).
	 * @param fingerprint a key's fingerprint
	 * @return whether the keyset holds it
	 */
	public boolean holdsKey(String fingerprint) {
		return this.keyset.holdsKey(fingerprint);
	}

	/**
	 * Encrypts a value.
	 * @param plaintext the value
	 * @param context what the value is, e.g. {@code user_account.totp_secret:<id>}
	 * @return the ciphertext in Base64
	 */
	public String encrypt(String plaintext, String context) {
		return encrypt(this.keyset.aead(), plaintext, context);
	}

	/**
	 * Decrypts a value encrypted by {@link #encrypt}.
	 * @param ciphertext the Base64 ciphertext
	 * @param context the same context as at encryption
	 * @return the value
	 * @throws IllegalStateException when the ciphertext was tampered with or belongs
	 * elsewhere
	 */
	public String decrypt(@Nullable String ciphertext, String context) {
		return decrypt(this.keyset.aead(), ciphertext, context);
	}

	static String encrypt(Aead aead, String plaintext, String context) {
		try {
			byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ciphertext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed for " + context, ex);
		}
	}

	static String decrypt(Aead aead, @Nullable String ciphertext, String context) {
		try {
			byte[] plaintext = aead.decrypt(Base64.getDecoder().decode(ciphertext),
					context.getBytes(StandardCharsets.UTF_8));
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Decryption failed for " + context, ex);
		}
	}

}
