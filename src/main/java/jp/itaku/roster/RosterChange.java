package jp.itaku.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One change to a roster the client must be told of: a worker added, changed (with the
 * fields that changed) or gone. It waits for the next notice, which lists it.
 */
@Entity
@Table(name = "roster_change")
public class RosterChange {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	@Column(name = "member_name", nullable = false)
	private String memberName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "actor_id", nullable = false)
	private UUID actorId;

	@Column(name = "notice_id")
	private @Nullable UUID noticeId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "roster_change_field", joinColumns = @JoinColumn(name = "change_id"))
	@OrderColumn(name = "position")
	private List<FieldChange> fields = new ArrayList<>();

	protected RosterChange() {
	}

	RosterChange(RosterMember member, Kind kind, List<FieldChange> fields, UUID actorId, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = member.getContractId();
		this.memberId = member.getId();
		this.memberName = member.getName();
		this.kind = kind;
		this.fields = new ArrayList<>(fields);
		this.actorId = actorId;
		this.occurredAt = now;
	}

	void notifiedBy(UUID noticeId) {
		this.noticeId = noticeId;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getMemberId() {
		return this.memberId;
	}

	public String getMemberName() {
		return this.memberName;
	}

	public Kind getKind() {
		return this.kind;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public @Nullable UUID getNoticeId() {
		return this.noticeId;
	}

	public List<FieldChange> getFields() {
		return List.copyOf(this.fields);
	}

	/** What happened to the worker. */
	public enum Kind {

		/** 追加. */
		ADDED,

		/** 変更. */
		CHANGED,

		/** 削除（退職・異動等）. */
		LEFT

	}

}
