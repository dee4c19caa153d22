package jp.itaku.platform;

import java.io.Serializable;

/**
 * Implemented by every authenticated principal of the application (form login, API
 * token), so that any module can learn the acting user without knowing how they signed
 * in. Serializable: a signed-in user's principal is kept in their web session, which
 * lives in the database.
 */
public interface ActorPrincipal extends Serializable {

	/**
	 * Returns the acting user.
	 * @return the actor, never {@code null}
	 */
	Actor actor();

}
