package jp.itaku.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.OrganisationKind;

import org.jspecify.annotations.Nullable;

/**
 * A client (委託者), contractor (受託者) or subcontractor (再受託者).
 */
@Entity
@Table(name = "organisation")
public class Organisation {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrganisationKind kind;

	private @Nullable String address;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Organisation() {
	}

	Organisation(String name, OrganisationKind kind, @Nullable String address, Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.kind = kind;
		this.address = address;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name, @Nullable String address, Instant now) {
		this.name = name;
		this.address = address;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public OrganisationKind getKind() {
		return this.kind;
	}

	public @Nullable String getAddress() {
		return this.address;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
