package jp.itaku.roster;

import jp.itaku.platform.crypto.EncryptedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The roster's encrypted column, declared to the platform (which then knows that the
 * database holds encrypted data, and re-encrypts it when the keyset is rotated): the
 * workers' nationality (Kadoma 2(4)(5)).
 */
@Configuration(proxyBeanMethods = false)
class RosterEncryption {

	/** The nationality, each bound to its roster member. */
	static final EncryptedColumn NATIONALITY = new EncryptedColumn("roster_member", "id", "nationality_ciphertext",
			"roster_member.nationality:");

	@Bean
	EncryptedColumn nationalityColumn() {
		return NATIONALITY;
	}

}
