package jp.itaku.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM (Google Tink). The keyset lives in a
 * file named by configuration, never in the database; each ciphertext is bound to its
 * field and record through the associated data, so a ciphertext copied to another row
 * does not decrypt.
 */
@Component
public class FieldEncryptor {

	private static final Logger log = LoggerFactory.getLogger(FieldEncryptor.class);

	private final Aead aead;

	private final String fingerprint;

	FieldEncryptor(CryptoProperties properties) {
		try {
			AeadConfig.register();
			KeysetHandle keyset = loadOrCreate(properties);
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
			this.fingerprint = fingerprint(keyset);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"The field-encryption keyset " + properties.keysetFile() + " is not a valid Tink AEAD keyset", ex);
		}
	}

	/**
	 * Returns the keyset's fingerprint: the SHA-256, in lower-case hex, of its key ids in
	 * ascending order, one per line. It names the keyset without revealing a key (backups
	 * record it; a restore refuses a different keyset).
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return this.fingerprint;
	}

	private static String fingerprint(KeysetHandle keyset) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < keyset.size(); i++) {
			ids.add(Integer.toUnsignedLong(keyset.getAt(i).getId()));
		}
		ids.sort(null);
		StringBuilder text = new StringBuilder();
		ids.forEach((id) -> text.append(id).append('\n'));
		return jp.itaku.platform.Sha256.of(text.toString());
	}

	/**
	 * Encrypts a value.
	 * @param plaintext the value
	 * @param context what the value is, e.g. {@code user_account.totp_secret:<id>}
	 * @return the ciphertext in Base64
	 */
	public String encrypt(String plaintext, String context) {
		try {
			byte[] ciphertext = this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ciphertext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed for " + context, ex);
		}
	}

	/**
	 * Decrypts a value encrypted by {@link #encrypt}.
	 * @param ciphertext the Base64 ciphertext
	 * @param context the same context as at encryption
	 * @return the value
	 * @throws IllegalStateException when the ciphertext was tampered with or belongs
	 * elsewhere
	 */
	public String decrypt(String ciphertext, String context) {
		try {
			byte[] plaintext = this.aead.decrypt(Base64.getDecoder().decode(ciphertext),
					context.getBytes(StandardCharsets.UTF_8));
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Decryption failed for " + context, ex);
		}
	}

	private static KeysetHandle loadOrCreate(CryptoProperties properties) throws GeneralSecurityException {
		Path file = properties.keysetFile();
		try {
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
			}
			if (!properties.generateIfMissing()) {
				throw new IllegalStateException("No field-encryption keyset at " + file.toAbsolutePath()
						+ ": set itaku.crypto.keyset-file to an existing keyset or itaku.crypto.generate-if-missing=true");
			}
			KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()));
			restrictToOwner(file);
			log.warn("Created a new field-encryption keyset at {}: back it up and keep it off the database server",
					file.toAbsolutePath());
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the field-encryption keyset " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			log.warn("Cannot restrict permissions of {} on this file system", file);
		}
	}

}
