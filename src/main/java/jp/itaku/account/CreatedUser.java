package jp.itaku.account;

/**
 * A new user and the one-time password to hand them; the password is shown once and never
 * stored in clear.
 *
 * @param user the user
 * @param oneTimePassword the password they must change at first sign-in
 */
public record CreatedUser(UserAccount user, String oneTimePassword) {

	@Override
	public String toString() {
		return "CreatedUser[" + this.user.getUsername() + "]";
	}

}
