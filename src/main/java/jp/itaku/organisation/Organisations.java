package jp.itaku.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.DataScope;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation register's API. Every read is scoped by {@link DataScope}; only the
 * system administrator changes it; every change is audited.
 */
@Service
public class Organisations {

	private static final String WHAT = "organisation.entity";

	private final OrganisationRepository repository;

	private final DataScope scope;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	Organisations(OrganisationRepository repository, DataScope scope, AuditTrail audit, Clock clock, JdbcClient jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Lists the organisations the actor may see.
	 * @param actor the acting user
	 * @return the organisations, clients first, by name
	 */
	@Transactional(readOnly = true)
	public List<Organisation> list(Actor actor) {
		if (this.scope.isUnrestricted(actor)) {
			return this.repository.findAllByOrderByKindAscNameAsc();
		}
		return this.repository.findByIdInOrderByKindAscNameAsc(this.scope.visibleOrganisationIds(actor));
	}

	/**
	 * Returns an organisation the actor may see.
	 * @param actor the acting user
	 * @param id the organisation's id
	 * @return the organisation
	 * @throws NotFoundProblem when it does not exist or is not visible
	 */
	@Transactional(readOnly = true)
	public Organisation get(Actor actor, UUID id) {
		this.scope.requireVisible(actor, id, WHAT);
		return this.repository.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
	}

	/**
	 * Lists the contractors a user may choose when registering a contract: every
	 * contractor organisation (their names are not confidential) for a user of a client
	 * organisation or the system administrator; nothing for anyone else.
	 * @param actor the acting user
	 * @return the contractor organisations, by name
	 */
	@Transactional(readOnly = true)
	public List<Organisation> contractorChoices(Actor actor) {
		if (actor.organisationKind() != OrganisationKind.CLIENT && !actor.is(Role.SYSTEM_ADMIN)) {
			return List.of();
		}
		return this.repository.findByKindOrderByNameAsc(OrganisationKind.CONTRACTOR);
	}

	/**
	 * Registers an organisation.
	 * @param actor the acting user, a system administrator ({@code null} for operator
	 * commands)
	 * @param form the organisation's data
	 * @return the new organisation
	 * @throws InvalidInputProblem when the name is taken
	 */
	@Transactional
	public Organisation create(@Nullable Actor actor, OrganisationForm form) {
		requireAdmin(actor);
		String name = form.getName().strip();
		if (this.repository.findByName(name).isPresent()) {
			throw new InvalidInputProblem("name", "organisation.name.taken");
		}
		Organisation organisation = this.repository
			.save(new Organisation(name, form.getKind(), blankToNull(form.getAddress()), Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("ORGANISATION_CREATED")
			.actor(actor)
			.target("Organisation", organisation.getId())
			.detail("name", organisation.getName())
			.detail("kind", organisation.getKind().name()));
		return organisation;
	}

	/**
	 * Changes an organisation's name and address; its kind never changes.
	 * @param actor the acting user, a system administrator
	 * @param id the organisation's id
	 * @param form the new data
	 * @return the organisation
	 * @throws InvalidInputProblem when the name is taken or the kind differs
	 */
	@Transactional
	public Organisation update(Actor actor, UUID id, OrganisationForm form) {
		requireAdmin(actor);
		Organisation organisation = get(actor, id);
		String name = form.getName().strip();
		if (this.repository.existsByNameAndIdNot(name, id)) {
			throw new InvalidInputProblem("name", "organisation.name.taken");
		}
		if (form.getKind() != organisation.getKind()) {
			throw new InvalidInputProblem("kind", "organisation.kind.fixed");
		}
		String before = organisation.getName() + " / " + Objects.toString(organisation.getAddress(), "");
		organisation.rename(name, blankToNull(form.getAddress()), Instant.now(this.clock));
		this.audit.record(AuditRecord.of("ORGANISATION_UPDATED")
			.actor(actor)
			.target("Organisation", id)
			.detail("before", before)
			.detail("after", organisation.getName() + " / " + Objects.toString(organisation.getAddress(), "")));
		return organisation;
	}

	private static void requireAdmin(@Nullable Actor actor) {
		if (actor != null && !actor.is(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
