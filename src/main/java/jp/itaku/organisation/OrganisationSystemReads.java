package jp.itaku.organisation;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.itaku.platform.OrganisationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of organisations without a user's scope, for the system's own work: scheduled
 * jobs, mails, event listeners, the log checks and the demo data; never for a request
 * made on a user's behalf, and never shown to a user without scoping. It is the named
 * interface {@code organisation :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class OrganisationSystemReads {

	private final OrganisationRepository repository;

	private final JdbcClient jdbc;

	OrganisationSystemReads(OrganisationRepository repository, JdbcClient jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
	}

	/**
	 * Looks up an organisation without scoping, for other modules' internal use (sign-in,
	 * the first administrator); never hand its result to a user without scoping.
	 * @param id the organisation's id
	 * @return the organisation, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Organisation> findUnscoped(UUID id) {
		return this.repository.findById(id);
	}

	/**
	 * Lists the organisations of a kind without scoping: the names of contractors are not
	 * confidential, and a client officer picks one when registering a contract.
	 * @param kind the kind
	 * @return the organisations of that kind, by name
	 */
	@Transactional(readOnly = true)
	public List<Organisation> findAllOfKindUnscoped(OrganisationKind kind) {
		return this.repository.findByKindOrderByNameAsc(kind);
	}

	/**
	 * Looks up the names of organisations in one query, without scoping: for showing the
	 * parties of records the actor already may see (e.g. the contractors of the contracts
	 * on the dashboard).
	 * @param ids the organisations' ids
	 * @return their names by id; an id that does not exist is missing
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> namesUnscoped(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new HashMap<>();
		this.jdbc.sql("select id, name from organisation where id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query((ResultSet rs) -> {
				names.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		return names;
	}

	/**
	 * Looks up an organisation by its exact name without scoping, for operator commands.
	 * @param name the name
	 * @return the organisation, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Organisation> findByNameUnscoped(String name) {
		return this.repository.findByName(name);
	}

}
