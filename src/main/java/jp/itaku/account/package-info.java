/**
 * Accounts and sign-in (Setagaya 15, Kadoma 4 and 14(9), Gunma 3ア): users and their
 * roles, password rules, lockout, TOTP two-factor sign-in with recovery codes, idle
 * timeout and API tokens. Every other module learns the acting user through
 * {@link jp.itaku.platform.Actor}.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts and sign-in",
		allowedDependencies = { "audit", "audit :: recipients", "organisation", "organisation :: system", "platform" })
package jp.itaku.account;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
