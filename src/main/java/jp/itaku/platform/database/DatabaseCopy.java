package jp.itaku.platform.database;

import java.time.Instant;
import java.util.List;

/**
 * What an online backup of the embedded cluster copied.
 *
 * @param serverVersion the PostgreSQL version of the cluster
 * @param startLsn where the backup's WAL starts
 * @param stopLsn where the backup ends: a copy recovers to this point
 * @param startedAt when the backup started
 * @param files every file copied, with its size and SHA-256, paths relative to the copy
 * and separated by {@code /}
 */
public record DatabaseCopy(String serverVersion, String startLsn, String stopLsn, Instant startedAt,
		List<CopiedFile> files) {

	/**
	 * One copied file.
	 *
	 * @param path its path relative to the copy, separated by {@code /}
	 * @param size its size in bytes
	 * @param sha256 the SHA-256 of its content in lower-case hex
	 */
	public record CopiedFile(String path, long size, String sha256) {
	}

}
