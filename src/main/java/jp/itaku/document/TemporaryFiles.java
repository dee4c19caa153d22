package jp.itaku.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local directory where a store writes an upload while hashing it: what a crash left
 * there is removed by age, for {@link DocumentStore#removeLeftovers}.
 */
final class TemporaryFiles {

	private TemporaryFiles() {
	}

	/**
	 * Removes the regular files of a directory last written before a time.
	 * @param dir the directory
	 * @param writtenBefore a file written before this is removed
	 * @param prefix what the description of a removed file starts with
	 * @param removed where a description of each removed file is added
	 */
	static void removeOlderThan(Path dir, Instant writtenBefore, String prefix, List<String> removed) {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				try {
					if (Files.isRegularFile(file)
							&& Files.getLastModifiedTime(file).toInstant().isBefore(writtenBefore)) {
						long size = Files.size(file);
						if (Files.deleteIfExists(file)) {
							removed.add(prefix + file.getFileName() + " (" + size + " bytes)");
						}
					}
				}
				catch (NoSuchFileException ex) {
					// finished or removed meanwhile
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clean up " + dir, ex);
		}
	}

}
