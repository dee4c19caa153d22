package jp.itaku.clientid;

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
 * One ID the client issued to a person on a contract's roster (門真市 4(2)): a verification
 * ID, or an operator ID under one. It is active until revoked; a revocation is dated no
 * earlier than the issue and no later than today, and is never undone.
 */
@Entity
@Table(name = "client_issued_id")
public class ClientIssuedId {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private IdKind kind;

	@Column(name = "parent_id")
	private @Nullable UUID parentId;

	@Column(nullable = false)
	private String value;

	@Column(name = "system_name", nullable = false)
	private String systemName;

	@Column(name = "scope_note")
	private @Nullable String scopeNote;

	@Column(name = "issued_on", nullable = false)
	private LocalDate issuedOn;

	@Column(name = "issued_by", nullable = false)
	private UUID issuedBy;

	@Column(name = "revoked_on")
	private @Nullable LocalDate revokedOn;

	@Column(name = "revoked_by")
	private @Nullable UUID revokedBy;

	@Column(name = "revocation_note")
	private @Nullable String revocationNote;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected ClientIssuedId() {
	}

	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	ClientIssuedId(UUID contractId, UUID memberId, IssueIdForm form, UUID issuedBy, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.memberId = memberId;
		this.kind = form.getKind();
		this.parentId = (form.getKind() == IdKind.OPERATOR) ? form.getParentId() : null;
		this.value = IssueIdForm.clean(form.getValue());
		this.systemName = IssueIdForm.clean(form.getSystemName());
		this.scopeNote = IssueIdForm.clean(form.getScopeNote());
		this.issuedOn = form.getIssuedOn();
		this.issuedBy = issuedBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Records that the client revoked the ID.
	 * @param on the day it was revoked
	 * @param today today in Tokyo
	 * @param by who recorded it
	 * @param note what was done, or {@code null}
	 * @param now the current instant
	 * @throws InvalidInputProblem on field {@code revokedOn} when already revoked, when
	 * the day is missing, before the issue or after today
	 */
	void revoke(@Nullable LocalDate on, LocalDate today, UUID by, @Nullable String note, Instant now) {
		if (this.revokedOn != null) {
			throw new InvalidInputProblem("revokedOn", "clientid.revoke.already", this.value);
		}
		if (on == null) {
			throw new InvalidInputProblem("revokedOn", "clientid.revokedOn.required");
		}
		if (on.isBefore(this.issuedOn)) {
			throw new InvalidInputProblem("revokedOn", "clientid.revokedOn.beforeIssue", this.value);
		}
		if (on.isAfter(today)) {
			throw new InvalidInputProblem("revokedOn", "clientid.revokedOn.future");
		}
		this.revokedOn = on;
		this.revokedBy = by;
		this.revocationNote = IssueIdForm.clean(note);
		this.updatedAt = now;
	}

	/**
	 * Returns whether the ID still works.
	 * @return {@code true} until it is revoked
	 */
	public boolean isActive() {
		return this.revokedOn == null;
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

	public IdKind getKind() {
		return this.kind;
	}

	public @Nullable UUID getParentId() {
		return this.parentId;
	}

	public String getValue() {
		return this.value;
	}

	public String getSystemName() {
		return this.systemName;
	}

	public @Nullable String getScopeNote() {
		return this.scopeNote;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	public UUID getIssuedBy() {
		return this.issuedBy;
	}

	public @Nullable LocalDate getRevokedOn() {
		return this.revokedOn;
	}

	public @Nullable UUID getRevokedBy() {
		return this.revokedBy;
	}

	public @Nullable String getRevocationNote() {
		return this.revocationNote;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
