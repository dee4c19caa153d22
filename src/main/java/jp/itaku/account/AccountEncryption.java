package jp.itaku.account;

import jp.itaku.platform.crypto.EncryptedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account's encrypted columns, declared to the platform (which then knows that the
 * database holds encrypted data, and re-encrypts it when the keyset is rotated): the
 * users' TOTP secrets and the identity providers' refresh tokens of the SSO links.
 */
@Configuration(proxyBeanMethods = false)
class AccountEncryption {

	/** The TOTP secrets, each bound to its user. */
	static final EncryptedColumn TOTP_SECRETS = new EncryptedColumn("user_account", "id", "totp_secret_ciphertext",
			"user_account.totp_secret:");

	/** The providers' refresh tokens, each bound to its SSO link (issue 22). */
	static final EncryptedColumn SSO_REFRESH_TOKENS = new EncryptedColumn("sso_identity", "id",
			"refresh_token_ciphertext", "sso_identity.refresh_token:");

	@Bean
	EncryptedColumn totpSecretColumn() {
		return TOTP_SECRETS;
	}

	@Bean
	EncryptedColumn ssoRefreshTokenColumn() {
		return SSO_REFRESH_TOKENS;
	}

}
