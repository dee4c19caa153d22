package jp.itaku.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.mac.HmacKey;
import jp.itaku.platform.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tink keyset files in the keys directory: read, created once (two nodes sharing the
 * directory never both create one), replaced atomically, readable by their owner only;
 * and the fingerprint of a key.
 * <p>
 * A key's <b>fingerprint</b> is the SHA-256 of its raw key bytes in lower-case hex. It
 * names the key without revealing it, and an operator can compute it from the keyset file
 * alone: the key bytes are the last 32 bytes of the key's {@code keyData.value}, so
 * {@code base64 -d | tail -c 32 | sha256sum} gives it.
 */
public final class KeysetFiles {

	private static final Logger log = LoggerFactory.getLogger(KeysetFiles.class);

	private KeysetFiles() {
	}

	/**
	 * Reads a keyset file.
	 * @param file the file
	 * @return the keyset
	 * @throws GeneralSecurityException when the file is not a Tink keyset
	 * @throws UncheckedIOException when it cannot be read
	 */
	public static KeysetHandle read(Path file) throws GeneralSecurityException {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the keyset " + file.toAbsolutePath(), ex);
		}
	}

	/**
	 * Writes a new keyset file unless one exists: the content goes to a temporary file
	 * first, which is then linked under the name, so that no reader ever sees part of it
	 * and of two processes creating it at once exactly one succeeds.
	 * @param file the file
	 * @param keyset the keyset
	 * @return {@code true} when this call created the file, {@code false} when it existed
	 * @throws UncheckedIOException when it cannot be written
	 */
	public static boolean create(Path file, KeysetHandle keyset) {
		Path target = file.toAbsolutePath();
		try {
			Files.createDirectories(target.getParent());
			Path temporary = writeTemporary(target, keyset);
			try {
				Files.createLink(target, temporary);
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
			catch (UnsupportedOperationException | IOException ex) {
				// a file system without hard links: a plain move, which refuses an
				// existing target
				try {
					Files.move(temporary, target);
				}
				catch (FileAlreadyExistsException exists) {
					return false;
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			syncDirectory(target.getParent());
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the keyset " + target, ex);
		}
	}

	/**
	 * Replaces a keyset file atomically: a reader sees the old keyset or the new one.
	 * @param file the file
	 * @param keyset the new keyset
	 * @throws UncheckedIOException when it cannot be written; the old file is then
	 * unchanged
	 */
	public static void replace(Path file, KeysetHandle keyset) {
		Path target = file.toAbsolutePath();
		try {
			Path temporary = writeTemporary(target, keyset);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			syncDirectory(target.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the keyset " + target, ex);
		}
	}

	/**
	 * Returns the raw bytes of a symmetric key: an AES-GCM or HMAC key.
	 * @param key the key
	 * @return its bytes
	 * @throws IllegalArgumentException for any other kind of key
	 */
	public static byte[] keyBytes(Key key) {
		if (key instanceof AesGcmKey aes) {
			return aes.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
		}
		if (key instanceof HmacKey hmac) {
			return hmac.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
		}
		throw new IllegalArgumentException("Not an AES-GCM or HMAC key: " + key.getClass().getSimpleName());
	}

	/**
	 * Returns a key's fingerprint: the SHA-256 of its raw bytes in lower-case hex.
	 * @param key the key
	 * @return the fingerprint, 64 hex digits
	 */
	public static String fingerprint(Key key) {
		return Sha256.of(keyBytes(key));
	}

	/**
	 * Returns a Tink key id as the unsigned number the keyset file shows.
	 * @param id the id as Java holds it
	 * @return the id from 0 to 2<sup>32</sup>−1
	 */
	public static long unsigned(int id) {
		return Integer.toUnsignedLong(id);
	}

	private static Path writeTemporary(Path target, KeysetHandle keyset) throws IOException {
		String json;
		try {
			json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot serialise the keyset", ex);
		}
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE)) {
			restrictToOwner(temporary);
			ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
		}
		return temporary;
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			log.warn("Cannot restrict permissions of {} on this file system", file);
		}
	}

	private static void syncDirectory(@Nullable Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// not every platform can sync a directory; the file itself is synced
		}
	}

}
