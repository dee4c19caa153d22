package jp.itaku.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;

import jp.itaku.document.DocumentStore;
import jp.itaku.document.NoSuchDocumentException;
import jp.itaku.document.StoredObject;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The checkpoints in the document store: written as named objects, read back with their
 * MAC checked, and compared with the stored chain.
 */
@Component
class CheckpointStore {

	/** A checkpoint is a few hundred bytes. */
	private static final long MAX_BYTES = 16 * 1024;

	private final DocumentStore store;

	private final JsonMapper json;

	private final AuditChainKey key;

	CheckpointStore(DocumentStore store, JsonMapper json, AuditChainKey key) {
		this.store = store;
		this.json = json;
		this.key = key;
	}

	/**
	 * Writes a checkpoint, replacing one of the same entry.
	 * @param checkpoint the checkpoint
	 * @return the object as stored
	 */
	StoredObject put(AuditCheckpoint checkpoint) {
		byte[] content = this.json.writeValueAsBytes(checkpoint.json());
		return this.store.putObject(checkpoint.objectName(), new ByteArrayInputStream(content), MAX_BYTES);
	}

	/**
	 * Compares the chain with its newest checkpoint.
	 * @param chain the chain's id
	 * @param lastSeq the chain's last entry (or the purge anchor's when every entry is
	 * purged)
	 * @param anchorSeq the purge anchor's entry, 0 without a purge
	 * @param hashAt the stored hash of an entry, {@code null} when not stored
	 * @return the comparison
	 */
	ChainVerification.CheckpointCheck compare(UUID chain, long lastSeq, long anchorSeq, LongFunction<String> hashAt) {
		int others;
		String name;
		Optional<AuditCheckpoint> read;
		try {
			others = otherChains(chain);
			List<StoredObject> objects = this.store.listObjects(AuditCheckpoint.prefixOf(chain));
			if (objects.isEmpty()) {
				return new ChainVerification.CheckpointCheck(ChainVerification.CheckpointCheck.Status.NONE, null, null,
						null, others);
			}
			name = objects.get(objects.size() - 1).name();
			read = read(name, chain);
		}
		catch (UncheckedIOException | NoSuchDocumentException ex) {
			return new ChainVerification.CheckpointCheck(ChainVerification.CheckpointCheck.Status.UNREADABLE, null,
					null, null, 0);
		}
		if (read.isEmpty()) {
			return new ChainVerification.CheckpointCheck(ChainVerification.CheckpointCheck.Status.FORGED, null, null,
					name, others);
		}
		AuditCheckpoint checkpoint = read.get();
		ChainVerification.CheckpointCheck.Status status;
		if (checkpoint.seq() > lastSeq) {
			status = ChainVerification.CheckpointCheck.Status.TRUNCATED;
		}
		else if (checkpoint.seq() <= anchorSeq) {
			status = ChainVerification.CheckpointCheck.Status.PURGED;
		}
		else {
			status = checkpoint.entryHash().equals(hashAt.apply(checkpoint.seq()))
					? ChainVerification.CheckpointCheck.Status.MATCHES
					: ChainVerification.CheckpointCheck.Status.REWRITTEN;
		}
		return new ChainVerification.CheckpointCheck(status, checkpoint.seq(), checkpoint.writtenAt(), name, others);
	}

	/**
	 * Reads a checkpoint and checks it: its MAC with the chain key, and that it is the
	 * checkpoint its name says.
	 * @param name its name in the store
	 * @param chain the chain it must belong to
	 * @return the checkpoint, or empty when it cannot be read or does not check
	 */
	Optional<AuditCheckpoint> read(String name, UUID chain) {
		JsonNode node;
		try (InputStream in = this.store.openObject(name)) {
			node = this.json.readTree(in.readNBytes((int) MAX_BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the checkpoint " + name, ex);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		try {
			String writtenAt = node.path("writtenAt").asString();
			AuditCheckpoint checkpoint = new AuditCheckpoint(UUID.fromString(node.path("chain").asString()),
					node.path("seq").asLong(), node.path("entryHash").asString(), Instant.parse(writtenAt),
					node.path("key").asString(), node.path("mac").asString());
			String expected = this.key.hmacOf(checkpoint.key(), AuditCheckpoint.signedText(checkpoint.chain(),
					checkpoint.seq(), checkpoint.entryHash(), writtenAt));
			boolean holds = AuditChainKey.sameMac(expected, checkpoint.mac()) && checkpoint.chain().equals(chain)
					&& checkpoint.objectName().equals(name);
			return holds ? Optional.of(checkpoint) : Optional.empty();
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private int otherChains(UUID chain) {
		Set<String> chains = new HashSet<>();
		String own = chain.toString();
		for (StoredObject object : this.store.listObjects(AuditCheckpoint.PREFIX)) {
			String[] segments = object.name().split("/");
			if (segments.length > 2 && !segments[1].equals(own)) {
				chains.add(segments[1]);
			}
		}
		return chains.size();
	}

}
