package jp.itaku.contract.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.MeasurementPeriod;
import jp.itaku.contract.ServiceLevelMetric;
import jp.itaku.contract.ServiceLevelTarget;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contracts over the REST API, scoped and audited exactly as in the UI.
 */
@RestController
@RequestMapping("/api/v1/contracts")
class ContractApiController {

	private final Contracts contracts;

	ContractApiController(Contracts contracts) {
		this.contracts = contracts;
	}

	@GetMapping
	List<ContractView> list() {
		// An approved subcontractor sees the contracts it works on, as on its pages.
		return this.contracts.listAsParticipant(CurrentActor.require()).stream().map(ContractView::of).toList();
	}

	@GetMapping("/{id}")
	ContractView get(@PathVariable("id") UUID id) {
		return ContractView.of(this.contracts.getAsParticipant(CurrentActor.require(), id));
	}

	@PostMapping
	@Idempotent
	ResponseEntity<ContractView> register(@Valid @RequestBody ContractForm form) {
		Contract contract = this.contracts.register(CurrentActor.require(), form);
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.getId()))
			.body(ContractView.of(contract));
	}

	@PutMapping("/{id}")
	ContractView update(@PathVariable("id") UUID id, @Valid @RequestBody ContractForm form) {
		return ContractView.of(this.contracts.update(CurrentActor.require(), id, form));
	}

	@PostMapping("/{id}/activate")
	ContractView activate(@PathVariable("id") UUID id) {
		this.contracts.activate(CurrentActor.require(), id);
		return get(id);
	}

	@PostMapping("/{id}/end")
	ContractView end(@PathVariable("id") UUID id) {
		this.contracts.end(CurrentActor.require(), id);
		return get(id);
	}

	@PostMapping("/{id}/close")
	ContractView close(@PathVariable("id") UUID id) {
		this.contracts.close(CurrentActor.require(), id);
		return get(id);
	}

	/**
	 * A contract as the API shows it.
	 *
	 * @param id the id
	 * @param number its number
	 * @param title its title
	 * @param clientOrganisationId the client
	 * @param clientDepartment the client's department
	 * @param contractorOrganisationId the contractor
	 * @param periodStart the first day
	 * @param periodEnd the last day
	 * @param profileId the pinned clause profile version
	 * @param status its lifecycle state
	 * @param attributes its scope attributes
	 * @param immediately duration of 直ちに
	 * @param promptly duration of 速やかに
	 * @param withoutDelay duration of 遅滞なく
	 * @param workLocations where the work is done
	 * @param serviceLevels the agreed service levels as free text
	 * @param serviceLevelTargets the agreed service levels as measurable targets
	 */
	record ContractView(UUID id, String number, String title, UUID clientOrganisationId,
			@Nullable String clientDepartment, UUID contractorOrganisationId, LocalDate periodStart,
			LocalDate periodEnd, UUID profileId, ContractStatus status, Set<ContractAttribute> attributes,
			String immediately, String promptly, String withoutDelay, @Nullable String workLocations,
			@Nullable String serviceLevels, List<ServiceLevelTargetView> serviceLevelTargets) {

		static ContractView of(Contract c) {
			return new ContractView(c.getId(), c.getNumber(), c.getTitle(), c.getClientOrganisationId(),
					c.getClientDepartment(), c.getContractorOrganisationId(), c.getPeriodStart(), c.getPeriodEnd(),
					c.getProfileId(), c.getStatus(), c.getAttributes(), c.getImmediately(), c.getPromptly(),
					c.getWithoutDelay(), c.getWorkLocations(), c.getServiceLevels(),
					c.getServiceLevelTargets().stream().map(ServiceLevelTargetView::of).toList());
		}

	}

	/**
	 * A service-level target as the API shows it; the same shape is accepted on input.
	 *
	 * @param name the item, e.g. システム稼働率
	 * @param metric how it is measured
	 * @param target the percentage ({@code 99.5}), ISO-8601 duration ({@code PT30M}) or
	 * count ({@code 0})
	 * @param measurementPeriod the period it is measured over
	 * @param notes conditions and exceptions
	 */
	record ServiceLevelTargetView(String name, ServiceLevelMetric metric, @Nullable String target,
			MeasurementPeriod measurementPeriod, @Nullable String notes) {

		static ServiceLevelTargetView of(ServiceLevelTarget t) {
			return new ServiceLevelTargetView(t.getName(), t.getMetric(), t.getTarget(), t.getMeasurementPeriod(),
					t.getNotes());
		}

	}

}
