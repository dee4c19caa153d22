package jp.itaku.asset;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * The operational backups of a contract, declared once as the permitted exception to the
 * rule that every copy needs prior approval: what is backed up, where, for how long. The
 * client approves the declaration; at the end the backups are erased by a disposal that
 * includes them.
 */
@Entity
@Table(name = "asset_backup")
class AssetBackup {

	@Id
	@Column(name = "contract_id")
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(nullable = false, updatable = false)
	private String storage;

	@Column(nullable = false, updatable = false)
	private String retention;

	@Column(name = "declared_by", nullable = false, updatable = false)
	private UUID declaredBy;

	@Column(name = "declared_at", nullable = false, updatable = false)
	private Instant declaredAt;

	@Column(name = "approved_by")
	private @Nullable UUID approvedBy;

	@Column(name = "approved_by_name")
	private @Nullable String approvedByName;

	@Column(name = "approved_at")
	private @Nullable Instant approvedAt;

	@Column(name = "erased_by_request")
	private @Nullable UUID erasedByRequest;

	@Column(name = "erased_at")
	private @Nullable Instant erasedAt;

	@Version
	private int version;

	protected AssetBackup() {
	}

	// set from values the caller has checked: the form's problems() refuses a blank
	// required one
	AssetBackup(UUID contractId, @Nullable String description, @Nullable String storage, @Nullable String retention,
			UUID declaredBy, Instant now) {
		this.contractId = contractId;
		this.description = Objects.requireNonNull(description);
		this.storage = Objects.requireNonNull(storage);
		this.retention = Objects.requireNonNull(retention);
		this.declaredBy = declaredBy;
		this.declaredAt = now;
	}

	/**
	 * The client approves the declaration.
	 * @param approver the client's user: not the declarer (maker-checker)
	 * @param now when
	 */
	void approve(Actor approver, Instant now) {
		if (this.approvedAt != null) {
			throw new InvalidInputProblem("status", "asset.backup.error.approvedAlready");
		}
		ContractRoles.requireSecondPerson(this.declaredBy, approver, "status", "asset.request.error.makerChecker");
		this.approvedBy = approver.userId();
		this.approvedByName = approver.displayName();
		this.approvedAt = now;
	}

	void erased(UUID requestId, Instant at) {
		if (this.erasedAt != null) {
			throw new InvalidInputProblem("includeBackups", "asset.backup.error.erasedAlready");
		}
		this.erasedByRequest = requestId;
		this.erasedAt = at;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public String getDescription() {
		return this.description;
	}

	public String getStorage() {
		return this.storage;
	}

	public String getRetention() {
		return this.retention;
	}

	public Instant getDeclaredAt() {
		return this.declaredAt;
	}

	public @Nullable String getApprovedByName() {
		return this.approvedByName;
	}

	public @Nullable Instant getApprovedAt() {
		return this.approvedAt;
	}

	public boolean isApproved() {
		return this.approvedAt != null;
	}

	public @Nullable UUID getErasedByRequest() {
		return this.erasedByRequest;
	}

	public @Nullable Instant getErasedAt() {
		return this.erasedAt;
	}

	public boolean isErased() {
		return this.erasedAt != null;
	}

}
