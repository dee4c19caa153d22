package jp.itaku.document;

import java.time.Instant;

/**
 * A named object as a {@link DocumentStore} holds it.
 *
 * @param name its name
 * @param size its size in bytes
 * @param lastModified when it was last written
 */
public record StoredObject(String name, long size, Instant lastModified) {
}
