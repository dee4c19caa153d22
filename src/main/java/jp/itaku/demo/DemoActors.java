package jp.itaku.demo;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.SignIn;
import jp.itaku.account.UserAccounts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ActorPrincipal;

import org.springframework.stereotype.Component;

/**
 * The demo users as actors, for the demo steps that act as the client's officer or the
 * contractor's lead: signed in the way a real sign-in completes.
 */
@Component
class DemoActors {

	private final UserAccounts users;

	private final AccountSystemReads accountReads;

	private final SignIn signIn;

	DemoActors(UserAccounts users, SignIn signIn, AccountSystemReads accountReads) {
		this.accountReads = accountReads;
		this.users = users;
		this.signIn = signIn;
	}

	/**
	 * Returns a demo user as an actor.
	 * @param username the user's name, e.g. {@code officer}
	 * @return the actor
	 */
	Actor of(String username) {
		var user = this.accountReads.findByUsernameUnscoped(username).orElseThrow();
		return ((ActorPrincipal) this.signIn.completeAuthenticationOf(user.getId()).orElseThrow().getPrincipal())
			.actor();
	}

}
