package jp.itaku.contract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.contract.ContractEvents.ContractEnded;
import jp.itaku.contract.ContractEvents.ContractRegistered;
import jp.itaku.contract.ContractEvents.ContractScopeChanged;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.database.ReadFocus;
import jp.itaku.platform.database.ReadOnlyMemo;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract register. The client's officers register and change their own
 * organisation's contracts; a contractor's users see only the contracts their
 * organisation is party to; the system administrator sees all. Every change is audited,
 * and a change of scope re-plans the contract's obligations.
 */
@Service
public class Contracts {

	private static final String WHAT = "contract.entity";

	private final ContractRepository repository;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final ClauseCatalog catalog;

	private final ObjectProvider<ContractClosingCheck> closingChecks;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final ObjectProvider<ContractParticipation> participations;

	private final Period postClosingRights;

	Contracts(ContractRepository repository, Organisations organisations, ClauseCatalog catalog,
			ObjectProvider<ContractClosingCheck> closingChecks, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock, JdbcClient jdbc, ObjectProvider<ContractParticipation> participations,
			@Value("${itaku.contract.post-closing-rights:P5Y}") Period postClosingRights,
			OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.repository = repository;
		if (postClosingRights.isNegative()) {
			throw new IllegalStateException("itaku.contract.post-closing-rights must not be negative");
		}
		this.postClosingRights = postClosingRights;
		this.participations = participations;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.catalog = catalog;
		this.closingChecks = closingChecks;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Lists the contracts the actor may see.
	 * @param actor the acting user
	 * @return the contracts, newest first
	 */
	@Transactional(readOnly = true)
	public List<Contract> list(Actor actor) {
		// A page that asks several modules (the inbox's sources) reads the list once; a
		// page about one contract focuses their reads on it (ReadFocus).
		UUID focus = ReadFocus.contract();
		return ReadOnlyMemo.get(this,
				new ListKey(actor.is(Role.SYSTEM_ADMIN), actor.organisationKind(), actor.organisationId(), focus),
				() -> Collections.unmodifiableList((focus != null) ? readOne(actor, focus) : read(actor)));
	}

	/** What {@link #list(Actor)} depends on. */
	private record ListKey(boolean admin, OrganisationKind kind, UUID organisationId, @Nullable UUID focus) {
	}

	private List<Contract> read(Actor actor) {
		if (actor.is(Role.SYSTEM_ADMIN)) {
			return this.repository.findAllByOrderByPeriodStartDescNumberAsc();
		}
		if (actor.organisationKind() == OrganisationKind.CLIENT) {
			return this.repository.findByClientOrganisationIdOrderByPeriodStartDescNumberAsc(actor.organisationId());
		}
		// Primary parties only: a subcontractor's own part is reached through
		// getAsParticipant, never through the modules that list whole contracts.
		return this.repository.findByContractorOrganisationIdOrderByPeriodStartDescNumberAsc(actor.organisationId());
	}

	/** What {@link #read} keeps of one contract: the contract if it is among them. */
	private List<Contract> readOne(Actor actor, UUID id) {
		return this.repository.findById(id)
			.filter((c) -> ContractRoles.isParty(actor, c))
			.map(List::of)
			.orElse(List.of());
	}

	/**
	 * Lists the contracts the actor takes part in: those {@link #list(Actor)} returns
	 * and, for an approved subcontractor, the contracts it works on at any level of the
	 * chain, as the contract pages admit it ({@link #getAsParticipant}); for the API's
	 * list of contracts, which shows a subcontractor the heading its pages show.
	 * @param actor the acting user
	 * @return the contracts, newest first
	 */
	@Transactional(readOnly = true)
	public List<Contract> listAsParticipant(Actor actor) {
		List<Contract> own = list(actor);
		if (actor.is(Role.SYSTEM_ADMIN) || actor.organisationKind() == OrganisationKind.CLIENT) {
			return own;
		}
		Set<UUID> seen = new HashSet<>();
		own.forEach((c) -> seen.add(c.getId()));
		List<Contract> all = new ArrayList<>(own);
		UUID focus = ReadFocus.contract();
		this.repository.findAllById(participatedIn(actor.organisationId()))
			.stream()
			.filter((c) -> !seen.contains(c.getId()) && (focus == null || focus.equals(c.getId())))
			.forEach(all::add);
		all.sort(Comparator.comparing(Contract::getPeriodStart).reversed().thenComparing(Contract::getNumber));
		return all;
	}

	/**
	 * Returns those of some contracts that {@link #listAsParticipant(Actor)} holds, read
	 * by id rather than all read to keep a few, in its order.
	 * @param actor the acting user
	 * @param ids the contracts wanted
	 * @return those of them the actor takes part in, newest first
	 */
	@Transactional(readOnly = true)
	public List<Contract> listAsParticipant(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Set<UUID> participating = (actor.is(Role.SYSTEM_ADMIN) || actor.organisationKind() == OrganisationKind.CLIENT)
				? Set.of() : participatedIn(actor.organisationId());
		UUID focus = ReadFocus.contract();
		return this.repository.findAllById(ids)
			.stream()
			.filter((c) -> ContractRoles.isParty(actor, c) || participating.contains(c.getId()))
			.filter((c) -> focus == null || focus.equals(c.getId()))
			.sorted(Comparator.comparing(Contract::getPeriodStart).reversed().thenComparing(Contract::getNumber))
			.toList();
	}

	/**
	 * Returns the contracts the actor sees (as {@link #list(Actor)}) that pass a test, by
	 * id: for the reads that gather one kind of record across the actor's contracts.
	 * @param actor the acting user
	 * @param keep which contracts to keep, e.g. those the actor decides for
	 * @return the contracts kept, by id, newest first
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Contract> listWhere(Actor actor, Predicate<Contract> keep) {
		Map<UUID, Contract> kept = new LinkedHashMap<>();
		list(actor).stream().filter(keep).forEach((c) -> kept.put(c.getId(), c));
		return kept;
	}

	/** The contracts an organisation takes part in besides its own (subcontracts). */
	private Set<UUID> participatedIn(UUID organisationId) {
		Set<UUID> ids = new HashSet<>();
		this.participations.orderedStream().forEach((p) -> ids.addAll(p.contractsOf(organisationId)));
		return ids;
	}

	/**
	 * Lists the contracts the actor may see, as summaries read in one query without
	 * loading the entities; scoped exactly as {@link #list(Actor)}.
	 * @param actor the acting user
	 * @return the summaries, newest first
	 */
	@Transactional(readOnly = true)
	public List<ContractSummary> summaries(Actor actor) {
		ContractScope scope = scope(actor);
		return this.jdbc.sql("""
				select %s
				from contract c
				where %s
				order by c.period_start desc, c.number asc
				""".formatted(SUMMARY_COLUMNS, scope.condition()))
			.params(scope.parameters())
			.query(Contracts::summary)
			.list();
	}

	/**
	 * The columns of a {@link ContractSummary} from the {@code contract} table (alias
	 * {@code c}), in the order {@link #summary} reads them.
	 */
	public static final String SUMMARY_COLUMNS = "c.id, c.number, c.title, c.client_organisation_id,"
			+ " c.client_department, c.contractor_organisation_id, c.profile_id, c.status, c.period_start, c.period_end";

	/**
	 * Maps a row of {@link #SUMMARY_COLUMNS} to a summary.
	 * @param rs the row
	 * @param n its number
	 * @return the summary
	 * @throws SQLException when a column cannot be read
	 */
	public static ContractSummary summary(ResultSet rs, int n) throws SQLException {
		return new ContractSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class),
				ContractStatus.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class),
				rs.getObject(10, LocalDate.class));
	}

	/**
	 * Returns the contracts the actor may see as a condition for a query of the
	 * {@code contract} table, scoped exactly as {@link #summaries(Actor)}.
	 * @param actor the acting user
	 * @return the condition on alias {@code c} and its parameters
	 */
	@Transactional(readOnly = true)
	public ContractScope scope(Actor actor) {
		if (actor.is(Role.SYSTEM_ADMIN)) {
			return new ContractScope("true", Map.of());
		}
		if (actor.organisationKind() == OrganisationKind.CLIENT) {
			return new ContractScope("c.client_organisation_id = :scopeOrganisation",
					Map.of("scopeOrganisation", actor.organisationId()));
		}
		return new ContractScope(
				"(c.contractor_organisation_id = :scopeOrganisation or c.id = any(:scopeParticipating))",
				Map.of("scopeOrganisation", actor.organisationId(), "scopeParticipating",
						participatedIn(actor.organisationId()).toArray(UUID[]::new)));
	}

	/**
	 * Returns, as a condition for a query of the {@code contract} table, the contracts on
	 * which the actor acts for the client in one of some roles: every contract for the
	 * system administrator when the roles include it, the client's own contracts for a
	 * user of a client organisation in one of the roles ({@link ContractRoles#ofClient}),
	 * none otherwise. It is what {@link #listWhere} keeps with
	 * {@link ContractRoles#decidesForClient} (roles
	 * {@link ContractRoles#CLIENT_DECIDERS}), {@link ContractRoles#editsForClient}
	 * ({@link ContractRoles#CLIENT_EDITORS}) or
	 * {@link ContractRoles#administersSecurityForClient}, for counting in SQL what a list
	 * would read contract by contract.
	 * @param actor the acting user
	 * @param roles the roles that act
	 * @return the condition on alias {@code c} and its parameters, or empty when the
	 * actor acts on no contract so
	 */
	public Optional<ContractScope> actingForClient(Actor actor, Set<Role> roles) {
		if (actor.is(Role.SYSTEM_ADMIN) && roles.contains(Role.SYSTEM_ADMIN)) {
			return Optional.of(new ContractScope("true", Map.of()));
		}
		if (actor.organisationKind() == OrganisationKind.CLIENT && roles.contains(actor.role())) {
			return Optional.of(new ContractScope("c.client_organisation_id = :scopeOrganisation",
					Map.of("scopeOrganisation", actor.organisationId())));
		}
		return Optional.empty();
	}

	/**
	 * Counts the rows of a table about contracts (alias {@code x}, its contract in
	 * {@code x.contract_id}) that meet a condition, on the contracts where the actor acts
	 * for the client in one of some roles ({@link #actingForClient}).
	 * @param actor the acting user
	 * @param roles the roles that act
	 * @param table the table
	 * @param condition the condition on {@code x} and the contract {@code c}, constant
	 * (no parameters)
	 * @return the count; 0 when the actor acts on no contract so
	 */
	@Transactional(readOnly = true)
	public int countActingForClient(Actor actor, Set<Role> roles, String table, String condition) {
		return actingForClient(actor, roles)
			.map((scope) -> this.jdbc
				.sql("select count(*) from %s x join contract c on c.id = x.contract_id where %s and %s"
					.formatted(table, scope.condition(), condition))
				.params(scope.parameters())
				.query(Integer.class)
				.single())
			.orElse(0);
	}

	/**
	 * Returns the contracts whose obligations, counts and submissions the actor may read
	 * (the primary parties, as {@link #get} admits them, and the system administrator),
	 * as a condition for a query of the {@code contract} table: {@link #scope} without
	 * the contracts an approved subcontractor only takes part in.
	 * @param actor the acting user
	 * @return the condition on alias {@code c} and its parameters
	 */
	public ContractScope partyScope(Actor actor) {
		if (actor.is(Role.SYSTEM_ADMIN)) {
			return new ContractScope("true", Map.of());
		}
		String party = (actor.organisationKind() == OrganisationKind.CLIENT) ? "c.client_organisation_id"
				: "c.contractor_organisation_id";
		return new ContractScope(party + " = :scopeOrganisation", Map.of("scopeOrganisation", actor.organisationId()));
	}

	/**
	 * Returns a contract the actor may see.
	 * @param actor the acting user
	 * @param id the contract
	 * @return the contract
	 * @throws NotFoundProblem when it does not exist or the actor's organisation is no
	 * party to it
	 */
	@Transactional(readOnly = true)
	public Contract get(Actor actor, UUID id) {
		Contract contract = this.repository.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		if (!ContractRoles.isParty(actor, contract)) {
			throw new NotFoundProblem(WHAT);
		}
		return contract;
	}

	/**
	 * Returns whether the actor's organisation is party to a contract or takes part in it
	 * as an approved subcontractor at any level.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may see the contract's heading and its own part
	 */
	public boolean isParticipant(Actor actor, Contract contract) {
		return ContractRoles.isParty(actor, contract) || this.participations.orderedStream()
			.anyMatch((p) -> p.participatingOrganisations(contract.getId()).contains(actor.organisationId()));
	}

	/**
	 * Returns a contract to a party or to an approved subcontractor, for the pages that
	 * show a subcontractor its own part (the subcontract chain). Every other module reads
	 * contracts with {@link #get(Actor, UUID)}, which a subcontractor does not pass: the
	 * contractor's roster, registers and obligations stay the contractor's.
	 * @param actor the acting user
	 * @param id the contract
	 * @return the contract
	 * @throws NotFoundProblem when the actor's organisation takes no part in it
	 */
	@Transactional(readOnly = true)
	public Contract getAsParticipant(Actor actor, UUID id) {
		Contract contract = this.repository.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		if (!isParticipant(actor, contract)) {
			throw new NotFoundProblem(WHAT);
		}
		return contract;
	}

	/**
	 * Returns the part of a contract the actor works in: the whole contract for a party
	 * (client, contractor, system administrator); for an approved subcontractor its own
	 * records and those of the subcontractors below it. Modules whose records a
	 * subcontractor keeps for itself (its roster, its incidents) read through this and
	 * filter their records with {@link ContractPart#sees(UUID)}.
	 * @param actor the acting user
	 * @param id the contract
	 * @return the actor's part
	 * @throws NotFoundProblem when the actor's organisation takes no part in the contract
	 */
	@Transactional(readOnly = true)
	public ContractPart part(Actor actor, UUID id) {
		Contract contract = getAsParticipant(actor, id);
		if (ContractRoles.isParty(actor, contract)) {
			return new ContractPart(contract, true, actor.organisationId(), Set.of());
		}
		Set<UUID> organisations = new LinkedHashSet<>();
		organisations.add(actor.organisationId());
		this.participations.orderedStream().forEach((p) -> organisations.addAll(p.below(id, actor.organisationId())));
		return new ContractPart(contract, false, actor.organisationId(), organisations);
	}

	/**
	 * Returns the part of a contract the actor works in, as {@link #part(Actor, UUID)},
	 * or nothing when the actor takes no part in it: for the reads that check many
	 * records of several contracts (the global search).
	 * @param actor the acting user
	 * @param id the contract
	 * @return the actor's part, if any
	 */
	@Transactional(readOnly = true)
	public Optional<ContractPart> findPart(Actor actor, UUID id) {
		try {
			return Optional.of(part(actor, id));
		}
		catch (NotFoundProblem ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns the contract of a record an organisation keeps on it (a roster member, an
	 * incident, a receipt…) when that organisation is in the actor's part
	 * ({@link #part(Actor, UUID)}); otherwise the record is not found, so that nobody
	 * learns of a record or a contract outside their part.
	 * @param actor the acting user
	 * @param contractId the record's contract
	 * @param keeperOrganisationId the organisation that keeps the record
	 * @param what the message key naming the record, for the not-found answer
	 * @return the contract
	 * @throws NotFoundProblem naming the record when it is outside the actor's part
	 */
	@Transactional(readOnly = true)
	public Contract getForRecord(Actor actor, UUID contractId, @Nullable UUID keeperOrganisationId, String what) {
		ContractPart part;
		try {
			part = part(actor, contractId);
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(what);
		}
		if (!part.sees(keeperOrganisationId)) {
			throw new NotFoundProblem(what);
		}
		return part.contract();
	}

	/**
	 * Returns the two parties of a contract the actor takes part in, for the pages that
	 * name them.
	 * @param actor the acting user
	 * @param contract the contract, read through {@link #getAsParticipant}
	 * @return the client and the contractor
	 * @throws NotFoundProblem when the actor takes no part in the contract
	 */
	@Transactional(readOnly = true)
	public ContractParties parties(Actor actor, Contract contract) {
		if (!isParticipant(actor, contract)) {
			throw new NotFoundProblem(WHAT);
		}
		return new ContractParties(
				this.organisationReads.findUnscoped(contract.getClientOrganisationId()).orElseThrow(),
				this.organisationReads.findUnscoped(contract.getContractorOrganisationId()).orElseThrow());
	}

	/**
	 * Returns the names of organisations that take part in a contract the actor takes
	 * part in (the contractor and its approved subcontractors), for pages that show whose
	 * a record is.
	 * @param actor the acting user
	 * @param contract the contract, read through {@link #getAsParticipant}
	 * @param organisationIds the organisations to name
	 * @return their names by id; an organisation that takes no part in the contract is
	 * missing
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> participantNames(Actor actor, Contract contract, Collection<UUID> organisationIds) {
		if (!isParticipant(actor, contract)) {
			throw new NotFoundProblem(WHAT);
		}
		Set<UUID> taking = new HashSet<>(organisationIds);
		taking.retainAll(participants(contract));
		return this.organisationReads.namesUnscoped(taking);
	}

	/**
	 * Returns the approved subcontractors of a contract's chain with their names, for the
	 * forms that choose one (a shipment's recipient).
	 * @param actor the acting user
	 * @param contract the contract, read through {@link #get} or
	 * {@link #getAsParticipant}
	 * @return names by organisation id; empty when nothing is subcontracted
	 * @throws NotFoundProblem when the actor takes no part in the contract
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> subcontractorNames(Actor actor, Contract contract) {
		if (!isParticipant(actor, contract)) {
			throw new NotFoundProblem(WHAT);
		}
		return this.organisationReads.namesUnscoped(approvedChain(contract));
	}

	/** The approved subcontractors taking part in a contract (its approved chain). */
	private Set<UUID> approvedChain(Contract contract) {
		Set<UUID> ids = new HashSet<>();
		this.participations.orderedStream().forEach((p) -> ids.addAll(p.participatingOrganisations(contract.getId())));
		return ids;
	}

	private Set<UUID> participants(Contract contract) {
		Set<UUID> ids = new HashSet<>();
		ids.add(contract.getClientOrganisationId());
		ids.add(contract.getContractorOrganisationId());
		this.participations.orderedStream().forEach((p) -> ids.addAll(p.participatingOrganisations(contract.getId())));
		return ids;
	}

	/**
	 * Registers a contract of the actor's own (client) organisation and plans its
	 * obligations.
	 * @param actor a client officer, client security administrator or system
	 * administrator
	 * @param form the contract's data
	 * @return the contract
	 * @throws InvalidInputProblem naming the field at fault
	 */
	@Transactional
	public Contract register(Actor actor, ContractForm form) {
		if (!ContractRoles.registersForClient(actor)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Organisation contractor = this.organisationReads.findUnscoped(form.getContractorOrganisationId())
			.filter((o) -> o.getKind() == OrganisationKind.CONTRACTOR)
			.orElseThrow(() -> new InvalidInputProblem("contractorOrganisationId", "contract.contractor.invalid"));
		checkPeriod(form);
		StoredProfile profile = profile(form.getProfileId());
		if (this.repository.existsByClientOrganisationIdAndNumber(actor.organisationId(), form.getNumber().strip())) {
			throw new InvalidInputProblem("number", "contract.number.taken");
		}
		defaultDurations(form, profile);
		Contract contract = this.repository.save(
				new Contract(actor.organisationId(), contractor.getId(), profile.id(), form, Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("CONTRACT_REGISTERED")
			.actor(actor)
			.target("Contract", contract.getId())
			.detail("number", contract.getNumber())
			.detail("contractor", contractor.getName())
			.detail("profile", profile.code() + " v" + profile.version())
			.detail("attributes", contract.getAttributes().toString())
			.detail("serviceLevelTargets", summaries(contract)));
		this.events.publishEvent(new ContractRegistered(contract.getId()));
		return contract;
	}

	/**
	 * Changes a contract; a change of attributes, period or durations re-plans its
	 * obligations.
	 * @param actor a client editor of the contract
	 * @param id the contract
	 * @param form the new data (contractor and profile are ignored: they never change)
	 * @return the contract
	 */
	@Transactional
	public Contract update(Actor actor, UUID id, ContractForm form) {
		Contract contract = editable(actor, id);
		checkPeriod(form);
		if (this.repository.existsByClientOrganisationIdAndNumberAndIdNot(contract.getClientOrganisationId(),
				form.getNumber().strip(), id)) {
			throw new InvalidInputProblem("number", "contract.number.taken");
		}
		defaultDurations(form, profile(contract.getProfileId()));
		if (contract.getAttributes().contains(ContractAttribute.HAS_SUBCONTRACTORS)
				&& !form.getAttributes().contains(ContractAttribute.HAS_SUBCONTRACTORS)
				&& !approvedChain(contract).isEmpty()) {
			// Derived from the approved chain: clearing it would drop the chain's duties.
			throw new InvalidInputProblem("attributes", "contract.attributes.chainDerived");
		}
		String before = contract.getAttributes().toString();
		List<String> targetsBefore = summaries(contract);
		boolean scopeChanged = contract.apply(form, Instant.now(this.clock));
		AuditRecord record = AuditRecord.of("CONTRACT_UPDATED")
			.actor(actor)
			.target("Contract", id)
			.detail("attributesBefore", before)
			.detail("attributesAfter", contract.getAttributes().toString());
		List<String> targetsAfter = summaries(contract);
		if (!targetsAfter.equals(targetsBefore)) {
			record.detail("serviceLevelTargetsBefore", targetsBefore).detail("serviceLevelTargetsAfter", targetsAfter);
		}
		this.audit.record(record);
		if (scopeChanged) {
			this.events.publishEvent(new ContractScopeChanged(id));
		}
		return contract;
	}

	/**
	 * Gives a contract a scope attribute that another module's records imply, e.g.
	 * {@link ContractAttribute#HAS_SUBCONTRACTORS} once the client approves the first
	 * subcontract of its chain (Setagaya 4, Kadoma 8, Nerima 15/16, Gunma 14): audited,
	 * and the contract's obligations are planned again. For the module that already
	 * checked the actor's right to the act that implies it.
	 * @param actor who acted (the client approving the subcontract)
	 * @param contractId the contract
	 * @param attribute the attribute it now has
	 * @param derivedFrom the record that implies it, e.g. {@code Subcontract:<id>}
	 * @return whether the contract gained it (false when it had it already)
	 * @throws NotFoundProblem when the contract does not exist
	 */
	@Transactional
	public boolean deriveAttribute(Actor actor, UUID contractId, ContractAttribute attribute, String derivedFrom) {
		return derive(AuditRecord.of("CONTRACT_ATTRIBUTE_DERIVED").actor(actor), contractId, attribute, derivedFrom);
	}

	/**
	 * Gives a contract a scope attribute its records imply, as {@link #deriveAttribute}
	 * does, for a repair the system makes on its own (audited without an actor).
	 * @param contractId the contract
	 * @param attribute the attribute it now has
	 * @param derivedFrom the records that imply it
	 * @return whether the contract gained it
	 * @throws NotFoundProblem when the contract does not exist
	 */
	@Transactional
	public boolean deriveAttribute(UUID contractId, ContractAttribute attribute, String derivedFrom) {
		return derive(AuditRecord.of("CONTRACT_ATTRIBUTE_DERIVED"), contractId, attribute, derivedFrom);
	}

	private boolean derive(AuditRecord record, UUID contractId, ContractAttribute attribute, String derivedFrom) {
		Contract contract = this.repository.findById(contractId).orElseThrow(() -> new NotFoundProblem(WHAT));
		String before = contract.getAttributes().toString();
		if (!contract.gain(attribute, Instant.now(this.clock))) {
			return false;
		}
		this.audit.record(record.target("Contract", contractId)
			.detail("attribute", attribute.name())
			.detail("derivedFrom", derivedFrom)
			.detail("attributesBefore", before)
			.detail("attributesAfter", contract.getAttributes().toString()));
		this.events.publishEvent(new ContractScopeChanged(contractId));
		return true;
	}

	/**
	 * Puts a draft contract in force.
	 * @param actor a client editor of the contract
	 * @param id the contract
	 */
	@Transactional
	public void activate(Actor actor, UUID id) {
		Contract contract = editable(actor, id);
		contract.activate(Instant.now(this.clock));
		this.audit.record(AuditRecord.of("CONTRACT_ACTIVATED").actor(actor).target("Contract", id));
	}

	/**
	 * Ends an active contract.
	 * @param actor a client editor of the contract
	 * @param id the contract
	 */
	@Transactional
	public void end(Actor actor, UUID id) {
		Contract contract = editable(actor, id);
		contract.end(Instant.now(this.clock));
		this.audit.record(AuditRecord.of("CONTRACT_ENDED").actor(actor).target("Contract", id));
		this.events.publishEvent(new ContractEnded(id, ItakuTime.today(this.clock)));
	}

	/**
	 * Closes an ended contract once every end-of-contract obligation is met; the client's
	 * post-contract rights run for {@code itaku.contract.post-closing-rights} from today.
	 * @param actor a client editor of the contract
	 * @param id the contract
	 */
	@Transactional
	public void close(Actor actor, UUID id) {
		Contract contract = editable(actor, id);
		LocalDate rightsUntil = ItakuTime.today(this.clock).plus(this.postClosingRights);
		contract.close(blockers(id), Instant.now(this.clock), rightsUntil);
		this.audit.record(AuditRecord.of("CONTRACT_CLOSED")
			.actor(actor)
			.target("Contract", id)
			.detail("clientRightsUntil", rightsUntil));
	}

	/**
	 * Lists what keeps an ended contract from being closed, for its page.
	 * @param actor a party to the contract
	 * @param id the contract
	 * @return the problems, empty when it may be closed
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> closingBlockers(Actor actor, UUID id) {
		get(actor, id);
		return blockers(id);
	}

	private List<FieldProblem> blockers(UUID id) {
		return this.closingChecks.orderedStream().flatMap((check) -> check.blockers(id).stream()).toList();
	}

	private Contract editable(Actor actor, UUID id) {
		Contract contract = get(actor, id);
		if (!ContractRoles.editsForClient(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return contract;
	}

	/**
	 * A contract's deadlines are computed with the holiday calendar, so its period lies
	 * within the years the calendar knows.
	 */
	private static void checkPeriod(ContractForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		for (var date : new Object[][] { { "periodStart", form.getPeriodStart() },
				{ "periodEnd", form.getPeriodEnd() } }) {
			InputRules.Violation outside = InputRules.checkDate(date[1], InputRules.CALENDAR_MIN_DATE,
					InputRules.CALENDAR_MAX_DATE);
			if (outside != null) {
				problems.add(new FieldProblem((String) date[0], InputRules.DATE_OUT_OF_RANGE, outside.arguments()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
	}

	private StoredProfile profile(UUID profileId) {
		try {
			return this.catalog.get(profileId);
		}
		catch (NotFoundProblem ex) {
			throw new InvalidInputProblem("profileId", "contract.profile.invalid");
		}
	}

	private static List<String> summaries(Contract contract) {
		return contract.getServiceLevelTargets().stream().map(ServiceLevelTarget::summary).toList();
	}

	private static void defaultDurations(ContractForm form, StoredProfile profile) {
		var defaults = profile.definition().deadlinePolicies();
		if (form.getImmediately() == null || form.getImmediately().isBlank()) {
			form.setImmediately(defaults.get(DeadlinePolicy.IMMEDIATELY));
		}
		if (form.getPromptly() == null || form.getPromptly().isBlank()) {
			form.setPromptly(defaults.get(DeadlinePolicy.PROMPTLY));
		}
		if (form.getWithoutDelay() == null || form.getWithoutDelay().isBlank()) {
			form.setWithoutDelay(defaults.get(DeadlinePolicy.WITHOUT_DELAY));
		}
	}

}
