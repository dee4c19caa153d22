package jp.itaku.organisation.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.OrganisationKind;
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
 * Organisations over the REST API, scoped exactly as in the UI.
 */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	List<OrganisationView> list() {
		return this.organisations.list(CurrentActor.require()).stream().map(OrganisationView::of).toList();
	}

	@GetMapping("/{id}")
	OrganisationView get(@PathVariable("id") UUID id) {
		return OrganisationView.of(this.organisations.get(CurrentActor.require(), id));
	}

	@PostMapping
	@Idempotent
	ResponseEntity<OrganisationView> create(@Valid @RequestBody OrganisationForm form) {
		Organisation created = this.organisations.create(CurrentActor.require(), form);
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.getId()))
			.body(OrganisationView.of(created));
	}

	@PutMapping("/{id}")
	OrganisationView update(@PathVariable("id") UUID id, @Valid @RequestBody OrganisationForm form) {
		return OrganisationView.of(this.organisations.update(CurrentActor.require(), id, form));
	}

	/**
	 * An organisation as the API shows it.
	 *
	 * @param id the id
	 * @param name the name
	 * @param kind client, contractor or subcontractor
	 * @param address the address
	 */
	record OrganisationView(UUID id, String name, OrganisationKind kind, @Nullable String address) {

		static OrganisationView of(Organisation organisation) {
			return new OrganisationView(organisation.getId(), organisation.getName(), organisation.getKind(),
					organisation.getAddress());
		}

	}

}
