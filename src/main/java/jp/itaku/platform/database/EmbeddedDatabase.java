package jp.itaku.platform.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The embedded database of this process: its server (run here or attached to), online
 * backups of it, and, in the restore command's context, the restore of its data
 * directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgresServer server;

	private final boolean closeWithContext;

	private final @Nullable RestoreTarget restoreTarget;

	EmbeddedDatabase(EmbeddedPostgresServer server, boolean closeWithContext, @Nullable RestoreTarget restoreTarget) {
		this.server = server;
		this.closeWithContext = closeWithContext;
		this.restoreTarget = restoreTarget;
	}

	/**
	 * Returns the server the application's data sources connect to (in the restore
	 * command's context, a scratch server).
	 * @return the server
	 */
	public EmbeddedPostgresServer server() {
		return this.server;
	}

	/**
	 * Copies the running cluster into a directory with PostgreSQL's online backup API:
	 * while the server keeps serving, see {@link OnlineBackup}.
	 * @param target an empty or missing directory
	 * @return what was copied
	 * @throws IllegalStateException in the restore command's context
	 */
	public DatabaseCopy backUp(Path target) {
		if (this.restoreTarget != null) {
			throw new IllegalStateException("No backup while restoring");
		}
		return OnlineBackup.copy(this.server, target);
	}

	/**
	 * Tells whether this is the restore command's context, which holds the data directory
	 * with no server running on it.
	 * @return whether the data directory can be restored
	 */
	public boolean canRestore() {
		return this.restoreTarget != null;
	}

	/**
	 * Replaces the data directory with the database files of a backup (the former content
	 * is moved aside, not deleted). The roles are set up again with this machine's
	 * credentials at the next start, and PostgreSQL recovers the copy to the end of the
	 * backup from the WAL it contains.
	 * @param databaseFiles the backup's {@code database} directory
	 * @param stamp a suffix for the former content's directory
	 * @return where the former content went, or {@code null} when there was none
	 * @throws IllegalStateException outside the restore command's context
	 */
	public @Nullable Path restore(Path databaseFiles, String stamp) {
		if (this.restoreTarget == null) {
			throw new IllegalStateException("A data directory is restored only by the restore command");
		}
		return this.restoreTarget.restore(databaseFiles, stamp);
	}

	/**
	 * Returns the data directory of the node (in the restore command's context, the one
	 * being restored).
	 * @return the directory
	 */
	public Path dataDirectory() {
		return (this.restoreTarget != null) ? this.restoreTarget.path() : this.server.dataDirectory();
	}

	@Override
	public void close() {
		try {
			if (this.closeWithContext) {
				this.server.close();
				if (this.restoreTarget != null) {
					PostgresBinaries.deleteTree(this.server.dataDirectory().getParent());
				}
			}
		}
		finally {
			if (this.restoreTarget != null) {
				this.restoreTarget.close();
			}
		}
	}

}
