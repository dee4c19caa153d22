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

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a client officer enters for a contract, in the UI or the API.
 */
public class ContractForm {

	private static final String DURATION = "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?)?$";

	@NotBlank(message = "{validation.required}")
	@Size(max = 60, message = "{validation.maxLength}")
	private String number;

	@NotBlank(message = "{validation.required}")
	@Size(max = 300, message = "{validation.maxLength}")
	private String title;

	@Size(max = 200, message = "{validation.maxLength}")
	private String clientDepartment;

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
	private String immediately;

	/** 速やかに. */
	@Pattern(regexp = "|" + DURATION, message = "{contract.duration.invalid}")
	private String promptly;

	/** 遅滞なく. */
	@Pattern(regexp = "|" + DURATION, message = "{contract.duration.invalid}")
	private String withoutDelay;

	@Size(max = 4000, message = "{validation.maxLength}")
	private String workLocations;

	private String reportingInterval;

	@Size(max = 4000, message = "{validation.maxLength}")
	private String serviceLevels;

	/**
	 * The agreed service levels as measurable targets, in the order of the SLA annex;
	 * blank rows are ignored.
	 */
	@ValidServiceLevelTargets
	private List<ServiceLevelTargetForm> serviceLevelTargets = new ArrayList<>();

	@Size(max = 400, message = "{validation.maxLength}")
	private String clientContact;

	@Size(max = 400, message = "{validation.maxLength}")
	private String contractorContact;

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

	public String getClientDepartment() {
		return this.clientDepartment;
	}

	public void setClientDepartment(String clientDepartment) {
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

	public String getImmediately() {
		return this.immediately;
	}

	public void setImmediately(String immediately) {
		this.immediately = immediately;
	}

	public String getPromptly() {
		return this.promptly;
	}

	public void setPromptly(String promptly) {
		this.promptly = promptly;
	}

	public String getWithoutDelay() {
		return this.withoutDelay;
	}

	public void setWithoutDelay(String withoutDelay) {
		this.withoutDelay = withoutDelay;
	}

	public String getWorkLocations() {
		return this.workLocations;
	}

	public String getReportingInterval() {
		return this.reportingInterval;
	}

	public void setReportingInterval(String reportingInterval) {
		this.reportingInterval = reportingInterval;
	}

	public void setWorkLocations(String workLocations) {
		this.workLocations = workLocations;
	}

	public String getServiceLevels() {
		return this.serviceLevels;
	}

	public void setServiceLevels(String serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	public List<ServiceLevelTargetForm> getServiceLevelTargets() {
		return this.serviceLevelTargets;
	}

	public void setServiceLevelTargets(List<ServiceLevelTargetForm> serviceLevelTargets) {
		this.serviceLevelTargets = (serviceLevelTargets != null) ? serviceLevelTargets : new ArrayList<>();
	}

	public String getClientContact() {
		return this.clientContact;
	}

	public void setClientContact(String clientContact) {
		this.clientContact = clientContact;
	}

	public String getContractorContact() {
		return this.contractorContact;
	}

	public void setContractorContact(String contractorContact) {
		this.contractorContact = contractorContact;
	}

}
