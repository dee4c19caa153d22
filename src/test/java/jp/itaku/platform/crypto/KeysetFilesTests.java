package jp.itaku.platform.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import jp.itaku.support.ReadmeExamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset files: created once, replaced atomically, owner-only; a key's fingerprint as the
 * README computes it by hand; the key id a ciphertext names.
 */
class KeysetFilesTests {

	@TempDir
	Path dir;

	@BeforeAll
	static void tink() throws Exception {
		AeadConfig.register();
	}

	@Test
	void aKeysetFileIsCreatedOnceAndReadableByItsOwnerOnly() throws Exception {
		Path file = this.dir.resolve("keys/field-encryption.json");
		KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		assertThat(KeysetFiles.create(file, first)).isTrue();
		assertThat(KeysetFiles.create(file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)))
			.as("a second creator finds it there")
			.isFalse();
		assertThat(KeysetFiles.fingerprint(KeysetFiles.read(file).getPrimary().getKey()))
			.isEqualTo(KeysetFiles.fingerprint(first.getPrimary().getKey()));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var leftovers = Files.list(file.getParent())) {
			assertThat(leftovers).containsExactly(file);
		}
	}

	@Test
	void theReadmeComputesEveryKeysFingerprintFromTheFile() throws Exception {
		KeysetHandle rotated = KeysetHandle.newBuilder(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM))
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary())
			.build();
		Path file = this.dir.resolve("field-encryption.json");
		KeysetFiles.create(file, rotated);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < rotated.size(); i++) {
			expected.add(KeysetFiles.fingerprint(rotated.getAt(i).getKey()) + "  -");
		}
		String script = ReadmeExamples.block("keyset-fingerprints", 0)
			.replace("data/keys/field-encryption.json", file.toString());
		assertThat(ReadmeExamples.bash(script, null, "base64", "sha256sum").lines())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void aReplacedKeysetIsWholeAndTheCiphertextNamesItsKey() throws Exception {
		Path file = this.dir.resolve("field-encryption.json");
		KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		KeysetFiles.create(file, first);
		KeysetHandle second = KeysetHandle.newBuilder(first)
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary())
			.build();
		KeysetFiles.replace(file, second);
		assertThat(KeysetFiles.read(file).size()).isEqualTo(2);

		Aead aead = second.getPrimitive(RegistryConfiguration.get(), Aead.class);
		String ciphertext = Base64.getEncoder().encodeToString(aead.encrypt(new byte[] { 1 }, new byte[0]));
		assertThat(FieldKeyset.keyIdOf(ciphertext)).isEqualTo(KeysetFiles.unsigned(second.getPrimary().getId()));
		assertThat(FieldKeyset.keyIdOf("AAAA")).isEqualTo(-1);
	}

}
