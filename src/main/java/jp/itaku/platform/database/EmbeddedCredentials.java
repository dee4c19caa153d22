package jp.itaku.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import jp.itaku.platform.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded server's three roles, generated at random on first start
 * and kept in {@code database-credentials.properties} beside the field-encryption keyset
 * (readable by the owner only): {@value #SUPERUSER} (the bootstrap superuser: role setup,
 * online backups), {@value #OWNER} (owns the schema; Flyway) and {@value #APP} (the
 * application: no ownership, INSERT and SELECT only on the audit trail).
 *
 * @param superuserPassword the superuser's password
 * @param ownerPassword the owner's password
 * @param appPassword the application role's password
 */
record EmbeddedCredentials(String superuserPassword, String ownerPassword, String appPassword) {

	/** The bootstrap superuser, as initdb names it. */
	static final String SUPERUSER = "postgres";

	/** The role that owns the schema and runs the migrations. */
	static final String OWNER = "itaku_owner";

	/** The role the application connects as. */
	static final String APP = "itaku_app";

	/** The credentials file's name in the keys directory. */
	static final String FILE_NAME = "database-credentials.properties";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Generates new passwords (32 random bytes each, URL-safe Base64: nothing to quote).
	 * @return the credentials
	 */
	static EmbeddedCredentials random() {
		return new EmbeddedCredentials(password(), password(), password());
	}

	/**
	 * Reads the credentials file, creating it with new passwords (owner-only permissions)
	 * when there is none.
	 * @param file the file
	 * @return the credentials
	 */
	static EmbeddedCredentials loadOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				EmbeddedCredentials created = random();
				try {
					created.write(file);
					log.warn("Created the embedded database's credentials in {}: keep them with the keyset", file);
					return created;
				}
				catch (FileAlreadyExistsException ex) {
					// created by another process meanwhile: read it
				}
			}
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			EmbeddedCredentials credentials = new EmbeddedCredentials(required(properties, "superuser.password", file),
					required(properties, "owner.password", file), required(properties, "app.password", file));
			return credentials;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the embedded database's credentials " + file, ex);
		}
	}

	/**
	 * Returns a digest of the three passwords, to tell whether the roles of a data
	 * directory were set up with these credentials.
	 * @return the SHA-256 in hex
	 */
	String fingerprint() {
		return Sha256.of(this.superuserPassword + "\n" + this.ownerPassword + "\n" + this.appPassword);
	}

	private void write(Path file) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		if (dir != null && !Files.isDirectory(dir)) {
			Files.createDirectories(dir);
			restrict(dir, "rwx------");
		}
		Files.createFile(file);
		restrict(file, "rw-------");
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("# Itaku's embedded PostgreSQL: the roles' passwords, generated on first start.\n"
					+ "# Keep this file with the field-encryption keyset; never put it in a backup of the data.\n");
			writer.write("superuser.password=" + this.superuserPassword + "\n");
			writer.write("owner.password=" + this.ownerPassword + "\n");
			writer.write("app.password=" + this.appPassword + "\n");
		}
	}

	private static void restrict(@Nullable Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			log.warn("Cannot restrict the permissions of {} on this file system", path);
		}
	}

	private static String required(Properties properties, String key, Path file) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("No " + key + " in " + file);
		}
		return value.strip();
	}

	private static String password() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "EmbeddedCredentials[…]";
	}

}
