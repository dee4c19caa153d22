package jp.itaku.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;

/**
 * One stored version of a clause profile. Never changes once stored: a contract pins the
 * version it was made under.
 *
 * @param id the version's id
 * @param code the profile's code
 * @param version the version number, from 1
 * @param origin shipped or imported
 * @param fileName the file it came from
 * @param contentHash SHA-256 of the file's content
 * @param createdAt when it was stored
 * @param definition the profile itself
 */
public record StoredProfile(UUID id, String code, int version, ProfileOrigin origin, String fileName,
		String contentHash, Instant createdAt, ProfileDefinition definition) {

	/**
	 * Returns the clauses directly under a clause, or the top-level clauses.
	 * @param parentRef the parent's reference, {@code null} for the top level
	 * @return the child clauses in document order
	 */
	public List<ClauseDefinition> childrenOf(String parentRef) {
		return this.definition.clauses()
			.stream()
			.filter((clause) -> Objects.equals(clause.parent(), parentRef))
			.toList();
	}

	/**
	 * Returns how many requirements the profile states.
	 * @return the number of requirements
	 */
	public int requirementCount() {
		return this.definition.clauses().stream().mapToInt((clause) -> clause.requirements().size()).sum();
	}

}
