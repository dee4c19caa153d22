package jp.itaku.platform;

import java.io.Serializable;
import java.util.UUID;

/**
 * The user on whose behalf the current request or job acts: who, from which organisation,
 * in which role. Every scoped query and every audit entry starts from an actor.
 *
 * @param userId the user's id
 * @param username the user's sign-in name
 * @param displayName the user's name as shown
 * @param organisationId the id of the user's organisation
 * @param organisationName the organisation's name as shown
 * @param organisationKind the organisation's kind
 * @param role the user's role
 */
public record Actor(UUID userId, String username, String displayName, UUID organisationId, String organisationName,
		OrganisationKind organisationKind, Role role) implements Serializable {

	/** Kept in web sessions, which live in the database and are read by every node. */
	private static final long serialVersionUID = 1L;

	/**
	 * Returns whether the actor holds the given role.
	 * @param candidate the role to test
	 * @return {@code true} when the actor's role is {@code candidate}
	 */
	public boolean is(Role candidate) {
		return this.role == candidate;
	}

}
