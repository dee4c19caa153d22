package jp.itaku.support;

import java.util.UUID;

import jp.itaku.account.SignIn;
import jp.itaku.account.StepAuthentication;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An existing user (a demo account, say), found by user name and signed in completely:
 * for tests that call the application, or send requests, as that user.
 */
public final class SignedInUser {

	private SignedInUser() {
	}

	/**
	 * Returns the user's authentication after a complete sign-in, for
	 * {@code with(authentication(…))}.
	 * @param jdbc the database
	 * @param signIn the application's sign-in
	 * @param username the user name
	 * @return the authentication
	 */
	public static StepAuthentication authentication(JdbcClient jdbc, SignIn signIn, String username) {
		UUID id = jdbc.sql("select id from user_account where username = ?").param(username).query(UUID.class).single();
		return signIn.completeAuthenticationOf(id).orElseThrow();
	}

	/**
	 * Returns the user as the application sees the signed-in user.
	 * @param jdbc the database
	 * @param signIn the application's sign-in
	 * @param username the user name
	 * @return the actor
	 */
	public static Actor actor(JdbcClient jdbc, SignIn signIn, String username) {
		return ((ActorPrincipal) authentication(jdbc, signIn, username).getPrincipal()).actor();
	}

}
