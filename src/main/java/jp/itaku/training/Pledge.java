package jp.itaku.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * A worker's pledge (誓約書, Kadoma 1(2)(3)): the text generated from the contract's
 * profile, kept verbatim with its SHA-256, and how it was signed — an uploaded scan of
 * the signed paper, or the worker's own acknowledgement in the system. Once signed it
 * never changes.
 */
@Entity
@Table(name = "pledge")
public class Pledge {

	/** How a pledge was signed. */
	public enum SignedVia {

		/** The lead uploaded a scan of the paper the worker signed. */
		UPLOAD,

		/** The worker acknowledged the text with their own account. */
		ACKNOWLEDGEMENT

	}

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	@Column(name = "pledge_date", nullable = false)
	private LocalDate pledgeDate;

	@Column(nullable = false)
	private String body;

	@Column(name = "body_sha256", nullable = false)
	private String bodySha256;

	@Column(name = "document_key", nullable = false)
	private String documentKey;

	@Column(name = "document_sha256", nullable = false)
	private String documentSha256;

	@Column(name = "created_by", nullable = false)
	private UUID createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "signed_via")
	private @Nullable SignedVia signedVia;

	@Column(name = "signed_on")
	private @Nullable LocalDate signedOn;

	@Column(name = "signed_at")
	private @Nullable Instant signedAt;

	@Column(name = "signed_by")
	private @Nullable UUID signedBy;

	@Column(name = "signed_document_key")
	private @Nullable String signedDocumentKey;

	@Column(name = "signed_sha256")
	private @Nullable String signedSha256;

	@Column(name = "signed_file_name")
	private @Nullable String signedFileName;

	@Version
	private @Nullable Long version;

	protected Pledge() {
	}

	Pledge(UUID contractId, UUID memberId, LocalDate pledgeDate, String body, String bodySha256, String documentKey,
			String documentSha256, UUID createdBy, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.memberId = memberId;
		this.pledgeDate = pledgeDate;
		this.body = body;
		this.bodySha256 = bodySha256;
		this.documentKey = documentKey;
		this.documentSha256 = documentSha256;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	/**
	 * Records the worker's own acknowledgement of the text they were shown.
	 * @param userId the worker's account
	 * @param shownSha256 the SHA-256 of the text the worker read
	 * @param today the day, in Tokyo
	 * @param now the current instant
	 * @throws InvalidInputProblem when already signed, or the text shown is not this
	 * pledge's text
	 */
	void acknowledge(UUID userId, @Nullable String shownSha256, LocalDate today, Instant now) {
		requireUnsigned();
		if (shownSha256 == null || !this.bodySha256.equalsIgnoreCase(shownSha256.strip())) {
			throw new InvalidInputProblem("textSha256", "training.pledge.textChanged");
		}
		this.signedVia = SignedVia.ACKNOWLEDGEMENT;
		this.signedOn = today;
		this.signedAt = now;
		this.signedBy = userId;
	}

	/**
	 * Records the scan of the signed paper.
	 * @param userId the lead who uploaded it
	 * @param signedOn the date written on the signed paper
	 * @param key the stored document
	 * @param sha256 its SHA-256
	 * @param fileName its file name
	 * @param now the current instant
	 * @throws InvalidInputProblem when already signed or no date is given
	 */
	void signedByUpload(UUID userId, LocalDate signedOn, String key, String sha256, String fileName, Instant now) {
		requireUnsigned();
		if (signedOn == null) {
			throw new InvalidInputProblem("signedOn", "validation.required");
		}
		if (signedOn.isBefore(this.pledgeDate)) {
			throw new InvalidInputProblem("signedOn", "training.pledge.signedBeforeDate");
		}
		this.signedVia = SignedVia.UPLOAD;
		this.signedOn = signedOn;
		this.signedAt = now;
		this.signedBy = userId;
		this.signedDocumentKey = key;
		this.signedSha256 = sha256;
		this.signedFileName = fileName;
	}

	private void requireUnsigned() {
		if (isSigned()) {
			throw new InvalidInputProblem("pledge", "training.pledge.alreadySigned");
		}
	}

	/**
	 * Returns whether the pledge is signed.
	 * @return {@code true} once uploaded signed or acknowledged
	 */
	public boolean isSigned() {
		return this.signedVia != null;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getMemberId() {
		return this.memberId;
	}

	public LocalDate getPledgeDate() {
		return this.pledgeDate;
	}

	public String getBody() {
		return this.body;
	}

	public String getBodySha256() {
		return this.bodySha256;
	}

	String getDocumentKey() {
		return this.documentKey;
	}

	public String getDocumentSha256() {
		return this.documentSha256;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable SignedVia getSignedVia() {
		return this.signedVia;
	}

	public @Nullable LocalDate getSignedOn() {
		return this.signedOn;
	}

	public @Nullable Instant getSignedAt() {
		return this.signedAt;
	}

	public @Nullable UUID getSignedBy() {
		return this.signedBy;
	}

	@Nullable String getSignedDocumentKey() {
		return this.signedDocumentKey;
	}

	public @Nullable String getSignedSha256() {
		return this.signedSha256;
	}

	public @Nullable String getSignedFileName() {
		return this.signedFileName;
	}

}
