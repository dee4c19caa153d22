package jp.itaku.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
import jakarta.persistence.Version;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.Nullable;

/**
 * One outsourcing contract (委託契約). Its lifecycle is guarded here: draft → active → ended
 * → closed; the profile version it was registered under never changes. Its agreed service
 * levels are kept both as free text and as measurable targets
 * ({@link ServiceLevelTarget}).
 */
@Entity
@Table(name = "contract")
public class Contract {

	/** The reporting intervals a contract may agree (ISO-8601 periods). */
	public static final List<String> REPORTING_INTERVALS = List.of("P1M", "P2M", "P3M", "P6M", "P1Y");

	@Id
	private UUID id;

	@Column(nullable = false)
	private String number;

	@Column(nullable = false)
	private String title;

	@Column(name = "client_organisation_id", nullable = false)
	private UUID clientOrganisationId;

	@Column(name = "client_department")
	private @Nullable String clientDepartment;

	@Column(name = "contractor_organisation_id", nullable = false)
	private UUID contractorOrganisationId;

	@Column(name = "period_start", nullable = false)
	private LocalDate periodStart;

	@Column(name = "period_end", nullable = false)
	private LocalDate periodEnd;

	@Column(name = "profile_id", nullable = false)
	private UUID profileId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ContractStatus status = ContractStatus.DRAFT;

	@Column(nullable = false)
	private String immediately;

	@Column(nullable = false)
	private String promptly;

	@Column(name = "without_delay", nullable = false)
	private String withoutDelay;

	@Column(name = "work_locations")
	private @Nullable String workLocations;

	@Column(name = "reporting_interval", length = 4)
	private @Nullable String reportingInterval;

	@Column(name = "service_levels")
	private @Nullable String serviceLevels;

	@Column(name = "client_contact")
	private @Nullable String clientContact;

	@Column(name = "contractor_contact")
	private @Nullable String contractorContact;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "contract_attribute", joinColumns = @JoinColumn(name = "contract_id"))
	@Column(name = "attribute")
	@Enumerated(EnumType.STRING)
	private Set<ContractAttribute> attributes = new HashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "contract_service_level_target", joinColumns = @JoinColumn(name = "contract_id"))
	@OrderColumn(name = "position")
	private List<ServiceLevelTarget> serviceLevelTargets = new ArrayList<>();

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Column(name = "client_rights_until")
	private @Nullable LocalDate clientRightsUntil;

	@Version
	private @Nullable Long version;

	protected Contract() {
	}

	// NullAway does not follow the call to apply(…) below, which sets the remaining
	// fields.
	@SuppressWarnings("NullAway.Init")
	Contract(UUID clientOrganisationId, UUID contractorOrganisationId, UUID profileId, ContractForm form, Instant now) {
		this.id = UUID.randomUUID();
		this.clientOrganisationId = clientOrganisationId;
		this.contractorOrganisationId = contractorOrganisationId;
		this.profileId = profileId;
		this.createdAt = now;
		apply(form, now);
	}

	/**
	 * Applies the editable fields; the parties and the profile version never change.
	 * @param form the new data
	 * @param now the current instant
	 * @return whether the scope attributes changed (obligations must then be re-planned)
	 */
	// Contracts fills a blank deadline word with the profile's default, and the form's
	// validation refuses a missing required value, before apply
	@SuppressWarnings("NullAway")
	boolean apply(ContractForm form, Instant now) {
		if (form.getPeriodEnd().isBefore(form.getPeriodStart())) {
			throw new InvalidInputProblem("periodEnd", "contract.period.invalid");
		}
		List<ServiceLevelTarget> newTargets = ServiceLevelRules.targets(form.getServiceLevelTargets());
		Set<ContractAttribute> newAttributes = form.getAttributes().isEmpty() ? EnumSet.noneOf(ContractAttribute.class)
				: EnumSet.copyOf(form.getAttributes());
		boolean scopeChanged = !newAttributes.equals(this.attributes) || !form.getPeriodStart().equals(this.periodStart)
				|| !form.getPeriodEnd().equals(this.periodEnd) || !form.getImmediately().equals(this.immediately)
				|| !form.getPromptly().equals(this.promptly) || !form.getWithoutDelay().equals(this.withoutDelay)
				|| !Objects.equals(blankToNull(form.getReportingInterval()), this.reportingInterval);
		if (form.getReportingInterval() != null && !form.getReportingInterval().isBlank()
				&& !REPORTING_INTERVALS.contains(form.getReportingInterval())) {
			throw new InvalidInputProblem("reportingInterval", "contract.reportingInterval.invalid");
		}
		this.number = form.getNumber().strip();
		this.title = form.getTitle().strip();
		this.clientDepartment = blankToNull(form.getClientDepartment());
		this.periodStart = form.getPeriodStart();
		this.periodEnd = form.getPeriodEnd();
		this.immediately = form.getImmediately();
		this.promptly = form.getPromptly();
		this.withoutDelay = form.getWithoutDelay();
		this.workLocations = blankToNull(form.getWorkLocations());
		this.reportingInterval = blankToNull(form.getReportingInterval());
		this.serviceLevels = blankToNull(form.getServiceLevels());
		this.clientContact = blankToNull(form.getClientContact());
		this.contractorContact = blankToNull(form.getContractorContact());
		this.attributes.clear();
		this.attributes.addAll(newAttributes);
		if (!newTargets.equals(this.serviceLevelTargets)) {
			this.serviceLevelTargets.clear();
			this.serviceLevelTargets.addAll(newTargets);
		}
		this.updatedAt = now;
		return scopeChanged;
	}

	/**
	 * Gives the contract a scope attribute that its records imply (the subcontracting
	 * attribute, once the client approves a subcontract).
	 * @param attribute the attribute
	 * @param now the current instant
	 * @return whether it was new (obligations must then be re-planned)
	 */
	boolean gain(ContractAttribute attribute, Instant now) {
		if (!this.attributes.add(attribute)) {
			return false;
		}
		this.updatedAt = now;
		return true;
	}

	void activate(Instant now) {
		requireStatus(ContractStatus.DRAFT, "contract.transition.activate");
		this.status = ContractStatus.ACTIVE;
		this.updatedAt = now;
	}

	void end(Instant now) {
		requireStatus(ContractStatus.ACTIVE, "contract.transition.end");
		this.status = ContractStatus.ENDED;
		this.updatedAt = now;
	}

	/**
	 * Closes the contract; the client's post-contract rights (Kadoma 11(4)) run until a
	 * day fixed now.
	 * @param blockers what keeps it from being closed
	 * @param now the current instant
	 * @param rightsUntil the last day (Tokyo) of the client's post-contract rights
	 */
	void close(List<ItakuProblem.FieldProblem> blockers, Instant now, LocalDate rightsUntil) {
		requireStatus(ContractStatus.ENDED, "contract.transition.close");
		if (!blockers.isEmpty()) {
			List<ItakuProblem.FieldProblem> problems = new ArrayList<>();
			problems.add(new ItakuProblem.FieldProblem("status", "contract.transition.closeBlocked"));
			problems.addAll(blockers);
			throw new InvalidInputProblem(problems);
		}
		this.status = ContractStatus.CLOSED;
		this.closedAt = now;
		this.clientRightsUntil = rightsUntil;
		this.updatedAt = now;
	}

	private void requireStatus(ContractStatus expected, String messageKey) {
		if (this.status != expected) {
			throw new InvalidInputProblem("status", messageKey);
		}
	}

	/**
	 * Returns the duration (ISO-8601) this contract gives a named deadline.
	 * @param policy the policy
	 * @return the duration
	 */
	public String duration(DeadlinePolicy policy) {
		return switch (policy) {
			case IMMEDIATELY -> this.immediately;
			case PROMPTLY -> this.promptly;
			case WITHOUT_DELAY -> this.withoutDelay;
		};
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public UUID getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public String getTitle() {
		return this.title;
	}

	public UUID getClientOrganisationId() {
		return this.clientOrganisationId;
	}

	public @Nullable String getClientDepartment() {
		return this.clientDepartment;
	}

	public UUID getContractorOrganisationId() {
		return this.contractorOrganisationId;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public UUID getProfileId() {
		return this.profileId;
	}

	public ContractStatus getStatus() {
		return this.status;
	}

	public String getImmediately() {
		return this.immediately;
	}

	public String getPromptly() {
		return this.promptly;
	}

	public String getWithoutDelay() {
		return this.withoutDelay;
	}

	/**
	 * Returns how often the contractor reports as agreed, for the requirements whose
	 * interval the profile leaves to the contract.
	 * @return an ISO-8601 period such as {@code P1M}, or {@code null} when none is agreed
	 */
	public @Nullable String getReportingInterval() {
		return this.reportingInterval;
	}

	public @Nullable String getWorkLocations() {
		return this.workLocations;
	}

	public @Nullable String getServiceLevels() {
		return this.serviceLevels;
	}

	/**
	 * Returns the agreed service levels as measurable targets, in the annex's order.
	 * @return the targets, possibly empty
	 */
	public List<ServiceLevelTarget> getServiceLevelTargets() {
		return List.copyOf(this.serviceLevelTargets);
	}

	public @Nullable String getClientContact() {
		return this.clientContact;
	}

	public @Nullable String getContractorContact() {
		return this.contractorContact;
	}

	public Set<ContractAttribute> getAttributes() {
		return Set.copyOf(this.attributes);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * Returns when the contract was closed.
	 * @return the instant, or {@code null} while it is not closed
	 */
	public @Nullable Instant getClosedAt() {
		return this.closedAt;
	}

	/**
	 * Returns the last day (Tokyo) of the client's rights that outlive the contract: its
	 * inspections and requests for material (Kadoma 11(4)), fixed when it was closed from
	 * {@code itaku.contract.post-closing-rights}.
	 * @return the day, or {@code null} while the contract is not closed
	 */
	public @Nullable LocalDate getClientRightsUntil() {
		return this.clientRightsUntil;
	}

}
