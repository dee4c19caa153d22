package jp.itaku.inspection;

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

import org.jspecify.annotations.Nullable;

/**
 * An audit or inspection the client planned on a contract (Setagaya 33–34, Kadoma 11(2),
 * Nerima 22–23, Gunma 15): its kind, scope, day, inspectors and the party inspected — the
 * contractor itself, or one approved subcontractor at a level of the chain (Setagaya 33:
 * 再受託者も同様), which then answers its requests and findings — numbered per contract
 * ({@code AUD-<n>}).
 */
@Entity
@Table(name = "inspection")
public class Inspection {

	static final int SCOPE_MAX = 2000;

	static final int NAMES_MAX = 1000;

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(name = "client_organisation_id", nullable = false, updatable = false)
	private UUID clientOrganisationId;

	@Column(name = "contractor_organisation_id", nullable = false, updatable = false)
	private UUID contractorOrganisationId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private InspectionKind kind;

	@Column(nullable = false, updatable = false)
	private String scope;

	@Column(name = "held_on", nullable = false, updatable = false)
	private LocalDate heldOn;

	@Column(nullable = false, updatable = false)
	private String inspectors;

	@Column(name = "inspected_organisation_id", updatable = false)
	private @Nullable UUID inspectedOrganisationId;

	@Column(name = "inspected_level", updatable = false)
	private @Nullable Integer inspectedLevel;

	@Column(name = "planned_at", nullable = false, updatable = false)
	private Instant plannedAt;

	@Column(name = "planned_by", nullable = false, updatable = false)
	private UUID plannedBy;

	@Version
	private @Nullable Long version;

	protected Inspection() {
	}

	// InspectionForm's problems() has refused a blank scope or missing inspectors before
	// this is called
	@SuppressWarnings("NullAway")
	Inspection(UUID contractId, UUID clientOrganisationId, UUID contractorOrganisationId, int seq, InspectionKind kind,
			@Nullable String scope, LocalDate heldOn, @Nullable String inspectors,
			@Nullable UUID inspectedOrganisationId, @Nullable Integer inspectedLevel, UUID plannedBy,
			Instant plannedAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.clientOrganisationId = clientOrganisationId;
		this.contractorOrganisationId = contractorOrganisationId;
		this.seq = seq;
		this.kind = kind;
		this.scope = scope;
		this.heldOn = heldOn;
		this.inspectors = inspectors;
		this.inspectedOrganisationId = inspectedOrganisationId;
		this.inspectedLevel = inspectedLevel;
		this.plannedBy = plannedBy;
		this.plannedAt = plannedAt;
	}

	/**
	 * Returns the number people read, e.g. {@code AUD-2}; the prefix of its findings' and
	 * requests' occurrence keys.
	 * @return the number
	 */
	public String getNumber() {
		return "AUD-" + this.seq;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getClientOrganisationId() {
		return this.clientOrganisationId;
	}

	public UUID getContractorOrganisationId() {
		return this.contractorOrganisationId;
	}

	public int getSeq() {
		return this.seq;
	}

	public InspectionKind getKind() {
		return this.kind;
	}

	public String getScope() {
		return this.scope;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public String getInspectors() {
		return this.inspectors;
	}

	/**
	 * Returns the approved subcontractor inspected, or {@code null} when the inspection
	 * is of the contractor itself.
	 * @return its organisation
	 */
	public @Nullable UUID getInspectedOrganisationId() {
		return this.inspectedOrganisationId;
	}

	/**
	 * Returns the level of the chain inspected: 0 for the contractor itself, 1 for its
	 * own subcontractors, and so on.
	 * @return the level
	 */
	public int getInspectedLevel() {
		return (this.inspectedLevel != null) ? this.inspectedLevel : 0;
	}

	/**
	 * Returns the organisation that answers the inspection's requests and findings: the
	 * subcontractor inspected, or the contractor.
	 * @return its organisation
	 */
	public UUID getInspectedParty() {
		return (this.inspectedOrganisationId != null) ? this.inspectedOrganisationId : this.contractorOrganisationId;
	}

	/**
	 * Returns whether the inspection is of a subcontractor.
	 * @return {@code true} when aimed at a level of the chain
	 */
	public boolean isOfSubcontractor() {
		return this.inspectedOrganisationId != null;
	}

	public Instant getPlannedAt() {
		return this.plannedAt;
	}

	public UUID getPlannedBy() {
		return this.plannedBy;
	}

}
