package jp.itaku.backup;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a backup set holds ({@code manifest.json}, written last: a set without it is
 * incomplete). The keyset itself is never in a backup, only its fingerprint.
 *
 * @param format the manifest's format, {@value #FORMAT}
 * @param createdAt when the backup ended
 * @param mode {@code embedded} (the database files are in the set) or {@code external}
 * (the database is backed up with {@code pg_dump}, see the README)
 * @param keysetFingerprint the fingerprint of the keyset the data was encrypted with
 * @param schemaVersion the Flyway version of the schema
 * @param database the embedded database's copy, {@code null} in external mode
 * @param documents the document store's documents (their key is their SHA-256)
 * @param objects the document store's named objects
 */
public record BackupManifest(String format, Instant createdAt, String mode, String keysetFingerprint,
		@Nullable String schemaVersion, @Nullable Database database, List<Entry> documents, List<Entry> objects) {

	/** The manifest's format. */
	public static final String FORMAT = "itaku-backup/1";

	/** The manifest's file name in a set. */
	public static final String FILE = "manifest.json";

	/**
	 * The embedded database's copy, in the set's {@code database} directory.
	 *
	 * @param serverVersion the PostgreSQL version
	 * @param startLsn where the backup's WAL starts
	 * @param stopLsn the point a restore recovers to
	 * @param files every file with its size and SHA-256
	 */
	public record Database(String serverVersion, String startLsn, String stopLsn, List<Entry> files) {
	}

	/**
	 * A file of the set.
	 *
	 * @param name its path in its directory of the set (for a document, its key)
	 * @param size its size in bytes
	 * @param sha256 its SHA-256 in lower-case hex
	 */
	public record Entry(String name, long size, String sha256) {
	}

}
