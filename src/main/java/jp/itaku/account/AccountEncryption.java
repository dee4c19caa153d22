package jp.itaku.account;

import jp.itaku.platform.crypto.EncryptedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account's encrypted column, declared to the platform (which then knows that the
 * database holds encrypted data, and re-encrypts it when the keyset is rotated): the
 * users' TOTP secrets.
 */
@Configuration(proxyBeanMethods = false)
class AccountEncryption {

	/** The TOTP secrets, each bound to its user. */
	static final EncryptedColumn TOTP_SECRETS = new EncryptedColumn("user_account", "id", "totp_secret_ciphertext",
			"user_account.totp_secret:");

	@Bean
	EncryptedColumn totpSecretColumn() {
		return TOTP_SECRETS;
	}

}
