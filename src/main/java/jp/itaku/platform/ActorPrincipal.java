package jp.itaku.platform;

/**
 * Implemented by every authenticated principal of the application (form login, API
 * token), so that any module can learn the acting user without knowing how they signed
 * in.
 */
public interface ActorPrincipal {

	/**
	 * Returns the acting user.
	 * @return the actor, never {@code null}
	 */
	Actor actor();

}
