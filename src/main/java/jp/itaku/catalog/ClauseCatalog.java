package jp.itaku.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Role;
import jp.itaku.platform.Sha256;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clause catalog's API: stored profile versions, import of a new profile or version,
 * search over clause texts, and the comparison of profiles by category. Every signed-in
 * user may read the catalog (the clauses are public documents); the system administrator
 * and the client's security administrator import.
 */
@Service
public class ClauseCatalog {

	private static final String WHAT = "catalog.profile.entity";

	private static final Set<Role> IMPORTERS = Set.of(Role.SYSTEM_ADMIN, Role.CLIENT_SECURITY_ADMIN);

	private final CatalogRepository repository;

	private final ProfileParser parser;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<UUID, StoredProfile> cache = new ConcurrentHashMap<>();

	ClauseCatalog(CatalogRepository repository, ProfileParser parser, JsonMapper json, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.parser = parser;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Lists the newest version of every profile.
	 * @return the profiles by code
	 */
	@Transactional(readOnly = true)
	public List<ProfileSummary> profiles() {
		return this.repository.summaries(true);
	}

	/**
	 * Lists every version of a profile, newest first.
	 * @param code the profile's code
	 * @return its versions
	 */
	@Transactional(readOnly = true)
	public List<ProfileSummary> versions(String code) {
		return this.repository.versionsOf(code);
	}

	/**
	 * Returns a stored profile version.
	 * @param id the version's id
	 * @return the profile
	 * @throws NotFoundProblem when no such version exists
	 */
	@Transactional(readOnly = true)
	public StoredProfile get(UUID id) {
		StoredProfile cached = this.cache.get(id);
		if (cached != null) {
			return cached;
		}
		StoredProfile profile = this.repository.find(id)
			.map((row) -> new StoredProfile(row.id(), row.code(), row.version(), row.origin(), row.fileName(),
					row.contentHash(), row.createdAt(),
					this.json.readValue(row.definitionJson(), ProfileDefinition.class)))
			.orElseThrow(() -> new NotFoundProblem(WHAT));
		this.cache.put(id, profile);
		return profile;
	}

	/**
	 * Imports a profile file: validates it whole, and stores it as a new version of its
	 * code only if it is valid and differs from every stored version. Nothing is stored
	 * otherwise.
	 * @param actor the system administrator or client security administrator
	 * @param fileName the file's name
	 * @param content the file's text (YAML or JSON)
	 * @param locale the language of error messages
	 * @return the stored version (an existing one when the content is unchanged)
	 * @throws InvalidProfileException listing every fault by line and field
	 * @throws AccessDeniedProblem for any other role
	 */
	@Transactional
	public StoredProfile importProfile(Actor actor, String fileName, String content, Locale locale) {
		if (!IMPORTERS.contains(actor.role())) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		ProfileDefinition definition = this.parser.parse(fileName, content, locale);
		StoredProfile stored = store(definition, ProfileOrigin.IMPORTED, fileName, content, actor);
		this.audit.record(AuditRecord.of("PROFILE_IMPORTED")
			.actor(actor)
			.target("ClauseProfile", stored.id())
			.detail("code", stored.code())
			.detail("version", stored.version())
			.detail("file", fileName)
			.detail("sha256", stored.contentHash()));
		return stored;
	}

	/**
	 * Stores a profile shipped with the application unless a version with the same
	 * content exists.
	 * @param fileName the file's name
	 * @param content its text
	 * @param definition the parsed profile
	 * @return the stored version
	 */
	@Transactional
	StoredProfile loadBundled(@Nullable String fileName, String content, ProfileDefinition definition) {
		return store(definition, ProfileOrigin.BUNDLED, fileName, content, null);
	}

	/**
	 * Finds clauses whose text or heading contains a phrase (newest versions only). Works
	 * for Japanese without word boundaries: the index is on character trigrams.
	 * @param query the phrase
	 * @return matching clauses, at most 200
	 */
	@Transactional(readOnly = true)
	public List<ClauseHit> search(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return this.repository.search(query.strip(), 200);
	}

	/**
	 * Compares the newest version of every profile by canonical category: which clauses
	 * of each profile fall in each category, and where a profile is silent.
	 * @return per category, per profile, the clauses in that category (empty when silent)
	 */
	@Transactional(readOnly = true)
	public Comparison compare() {
		List<StoredProfile> profiles = profiles().stream().map((summary) -> get(summary.id())).toList();
		Map<ClauseCategory, Map<UUID, List<ClauseDefinition>>> cells = new EnumMap<>(ClauseCategory.class);
		for (ClauseCategory category : ClauseCategory.values()) {
			Map<UUID, List<ClauseDefinition>> row = new LinkedHashMap<>();
			for (StoredProfile profile : profiles) {
				row.put(profile.id(),
						profile.definition().clauses().stream().filter((c) -> c.category() == category).toList());
			}
			cells.put(category, row);
		}
		return new Comparison(profiles, cells);
	}

	private StoredProfile store(ProfileDefinition definition, ProfileOrigin origin, @Nullable String fileName,
			String content, @Nullable Actor actor) {
		this.repository.lock();
		String hash = Sha256.of(content);
		var existing = this.repository.findByHash(definition.code(), hash);
		if (existing.isPresent()) {
			return get(existing.get());
		}
		UUID id = UUID.randomUUID();
		int version = this.repository.latestVersion(definition.code()) + 1;
		int requirements = definition.clauses().stream().mapToInt((c) -> c.requirements().size()).sum();
		this.repository.insert(id, definition, version, origin, fileName, hash, content,
				this.json.writeValueAsString(definition), requirements, (actor != null) ? actor.userId() : null,
				Instant.now(this.clock));
		return get(id);
	}

	/**
	 * The comparison of profiles by category.
	 *
	 * @param profiles the compared profile versions, in column order
	 * @param cells per category, per profile id, the clauses in that category
	 */
	public record Comparison(List<StoredProfile> profiles,
			Map<ClauseCategory, Map<UUID, List<ClauseDefinition>>> cells) {

		/**
		 * Returns the clauses of a profile in a category.
		 * @param category the category
		 * @param profileId the profile version
		 * @return its clauses there, empty when the profile is silent
		 */
		public List<ClauseDefinition> clauses(ClauseCategory category, UUID profileId) {
			return this.cells.getOrDefault(category, Map.of()).getOrDefault(profileId, List.of());
		}

	}

}
