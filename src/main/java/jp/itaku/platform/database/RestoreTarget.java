package jp.itaku.platform.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The data directory a restore replaces, claimed for the restore command's whole run so
 * that no node starts on it meanwhile.
 */
final class RestoreTarget implements AutoCloseable {

	private final EmbeddedDataDirectory directory;

	private final Path credentialsFile;

	RestoreTarget(EmbeddedDataDirectory directory, Path credentialsFile) {
		this.directory = directory;
		this.credentialsFile = credentialsFile;
	}

	Path path() {
		return this.directory.path();
	}

	@Nullable Path restore(Path databaseFiles, String stamp) {
		// The credentials stay this machine's (created now if there are none): the roles
		// of
		// the restored cluster are set up with them at its first start.
		EmbeddedCredentials.loadOrCreate(this.credentialsFile);
		return this.directory.replaceWith(databaseFiles, stamp);
	}

	@Override
	public void close() {
		this.directory.close();
	}

}
