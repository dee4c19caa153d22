package jp.itaku.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.itaku.catalog.ContractAttribute;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a client officer enters for a contract, in the UI or the API.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class ContractForm {

	private static final String DURATION = "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?)?$";

	@NotBlank(message = "{validation.required}")
	@Size(max = 60, message = "{validation.maxLength}")
	private String number;

	@NotBlank(message = "{validation.required}")
	@Size(max = 300, message = "{validation.maxLength}")
	private String title;

	@Size(max = 200, message = "{validation.maxLength}")
	private @Nullable String clientDepartment;

	/** The contractor; fixed once registered. */
	@NotNull(message = "{validation.required}")
	private UUID contractorOrganisationId;

	/** The clause profile version; fixed once registered. */
	@NotNull(message = "{validation.required}")
	private UUID profileId;

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate periodStart;

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate periodEnd;

	private List<ContractAttribute> attributes = new ArrayList<>();

	/** 直ちに, as an ISO-8601 duration; the profile's default when blank. */
	@Pattern(regexp = "|" + DURATION, message = "{contract.duration.invalid}")
	private @Nullable String immediately;

	/** 速やかに. */
	@Pattern(regexp = "|" + DURATION, message = "{contract.duration.invalid}")
	private @Nullable String promptly;

	/** 遅滞なく. */
	@Pattern(regexp = "|" + DURATION, message = "{contract.duration.invalid}")
	private @Nullable String withoutDelay;

	@Size(max = 4000, message = "{validation.maxLength}")
	private @Nullable String workLocations;

	private @Nullable String reportingInterval;

	@Size(max = 4000, message = "{validation.maxLength}")
	private @Nullable String serviceLevels;

	/**
	 * The agreed service levels as measurable targets, in the order of the SLA annex;
	 * blank rows are ignored.
	 */
	@ValidServiceLevelTargets
	private List<ServiceLevelTargetForm> serviceLevelTargets = new ArrayList<>();

	@Size(max = 400, message = "{validation.maxLength}")
	private @Nullable String clientContact;

	@Size(max = 400, message = "{validation.maxLength}")
	private @Nullable String contractorContact;

	public String getNumber() {
		return this.number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public @Nullable String getClientDepartment() {
		return this.clientDepartment;
	}

	public void setClientDepartment(@Nullable String clientDepartment) {
		this.clientDepartment = clientDepartment;
	}

	public UUID getContractorOrganisationId() {
		return this.contractorOrganisationId;
	}

	public void setContractorOrganisationId(UUID contractorOrganisationId) {
		this.contractorOrganisationId = contractorOrganisationId;
	}

	public UUID getProfileId() {
		return this.profileId;
	}

	public void setProfileId(UUID profileId) {
		this.profileId = profileId;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public void setPeriodStart(LocalDate periodStart) {
		this.periodStart = periodStart;
	}

	public LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public void setPeriodEnd(LocalDate periodEnd) {
		this.periodEnd = periodEnd;
	}

	public List<ContractAttribute> getAttributes() {
		return this.attributes;
	}

	public void setAttributes(List<ContractAttribute> attributes) {
		this.attributes = (attributes != null) ? attributes : new ArrayList<>();
	}

	public @Nullable String getImmediately() {
		return this.immediately;
	}

	public void setImmediately(@Nullable String immediately) {
		this.immediately = immediately;
	}

	public @Nullable String getPromptly() {
		return this.promptly;
	}

	public void setPromptly(@Nullable String promptly) {
		this.promptly = promptly;
	}

	public @Nullable String getWithoutDelay() {
		return this.withoutDelay;
	}

	public void setWithoutDelay(@Nullable String withoutDelay) {
		this.withoutDelay = withoutDelay;
	}

	public @Nullable String getWorkLocations() {
		return this.workLocations;
	}

	public @Nullable String getReportingInterval() {
		return this.reportingInterval;
	}

	public void setReportingInterval(@Nullable String reportingInterval) {
		this.reportingInterval = reportingInterval;
	}

	public void setWorkLocations(@Nullable String workLocations) {
		this.workLocations = workLocations;
	}

	public @Nullable String getServiceLevels() {
		return this.serviceLevels;
	}

	public void setServiceLevels(@Nullable String serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	public List<ServiceLevelTargetForm> getServiceLevelTargets() {
		return this.serviceLevelTargets;
	}

	public void setServiceLevelTargets(List<ServiceLevelTargetForm> serviceLevelTargets) {
		this.serviceLevelTargets = (serviceLevelTargets != null) ? serviceLevelTargets : new ArrayList<>();
	}

	public @Nullable String getClientContact() {
		return this.clientContact;
	}

	public void setClientContact(@Nullable String clientContact) {
		this.clientContact = clientContact;
	}

	public @Nullable String getContractorContact() {
		return this.contractorContact;
	}

	public void setContractorContact(@Nullable String contractorContact) {
		this.contractorContact = contractorContact;
	}

}
