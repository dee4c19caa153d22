package jp.itaku.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A checkpoint of the audit chain's head, kept outside the database (the document store's
 * named object {@code audit-checkpoints/<chain>/<seq, 19 digits>.json} and, when mail is
 * configured, the security administrators' mailboxes): whoever rewrites or truncates the
 * stored chain cannot make it agree with the checkpoints again.
 * <p>
 * Its MAC is the HMAC-SHA256, with the chain key, of the UTF-8 bytes of
 * {@link #signedText()}: {@code itaku-audit-checkpoint/1 <chain> <seq> <entryHash>
 * <writtenAt>}, single spaces, no line break, the time in UTC with six fraction digits,
 * so that {@code printf '%s' '…' | openssl dgst -sha256 -mac HMAC -macopt hexkey:… -r}
 * prints it.
 *
 * @param chain the chain's id (from the switch entry {@code AUDIT_CHAIN_KEYED})
 * @param seq the last entry when it was written
 * @param entryHash that entry's hash
 * @param writtenAt when it was written, to the microsecond
 * @param key the fingerprint of the chain key that made the MAC
 * @param mac the HMAC-SHA256 of {@link #signedText()}, lower-case hex
 */
public record AuditCheckpoint(UUID chain, long seq, String entryHash, Instant writtenAt, String key,
		@Nullable String mac) implements Serializable {

	/** The format's name, the first word of the signed text. */
	public static final String FORMAT = "itaku-audit-checkpoint/1";

	/** Where checkpoints are in the document store. */
	public static final String PREFIX = "audit-checkpoints/";

	/**
	 * Returns the text the MAC covers.
	 * @return e.g.
	 * {@code itaku-audit-checkpoint/1 3f0c… 1234 9a1b… 2026-12-06T02:00:00.123456Z}
	 */
	public String signedText() {
		return signedText(this.chain, this.seq, this.entryHash, AuditChain.formatInstant(this.writtenAt));
	}

	static String signedText(UUID chain, long seq, String entryHash, String writtenAt) {
		return FORMAT + " " + chain + " " + seq + " " + entryHash + " " + writtenAt;
	}

	/**
	 * Returns the checkpoint's name in the document store.
	 * @return {@code audit-checkpoints/<chain>/<seq, 19 digits>.json}
	 */
	public String objectName() {
		return prefixOf(this.chain) + String.format(Locale.ROOT, "%019d", this.seq) + ".json";
	}

	static String prefixOf(UUID chain) {
		return PREFIX + chain + "/";
	}

	/**
	 * Returns the checkpoint as it is stored and answered: its fields, the time as
	 * signed, and the signed text.
	 * @return the fields in a fixed order
	 */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("format", FORMAT);
		json.put("chain", this.chain.toString());
		json.put("seq", this.seq);
		json.put("entryHash", this.entryHash);
		json.put("writtenAt", AuditChain.formatInstant(this.writtenAt));
		json.put("key", this.key);
		json.put("mac", this.mac);
		json.put("signedText", signedText());
		return json;
	}

}
