/**
 * Accounts and sign-in (Setagaya 15, Kadoma 4 and 14(9), Gunma 3ア): users and their
 * roles, password rules, lockout, TOTP two-factor sign-in with recovery codes, idle
 * timeout and API tokens. Every other module learns the acting user through
 * {@link jp.itaku.platform.Actor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and sign-in")
package jp.itaku.account;
