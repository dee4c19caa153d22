package jp.itaku.roster;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A written notice to the client: number 1 is the roster itself (従事者名簿), each later one a
 * change notice (変更届) listing the changes since the one before. Its PDF is kept with its
 * SHA-256 and submitted to the obligations it meets.
 */
@Entity
@Table(name = "roster_notice")
public class RosterNotice {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(nullable = false)
	private int number;

	@Column(name = "filed_at", nullable = false)
	private Instant filedAt;

	@Column(name = "filed_by", nullable = false)
	private UUID filedBy;

	@Column(name = "document_key", nullable = false)
	private String documentKey;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	protected RosterNotice() {
	}

	RosterNotice(UUID id, UUID contractId, int number, UUID filedBy, Instant filedAt, String documentKey, String sha256,
			String fileName) {
		this.id = id;
		this.contractId = contractId;
		this.number = number;
		this.filedBy = filedBy;
		this.filedAt = filedAt;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
	}

	/**
	 * Returns whether this is the roster itself rather than a change notice.
	 * @return {@code true} for the first notice
	 */
	public boolean isInitial() {
		return this.number == 1;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public int getNumber() {
		return this.number;
	}

	public Instant getFiledAt() {
		return this.filedAt;
	}

	public UUID getFiledBy() {
		return this.filedBy;
	}

	public String getDocumentKey() {
		return this.documentKey;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getFileName() {
		return this.fileName;
	}

}
