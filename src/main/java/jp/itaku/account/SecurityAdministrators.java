package jp.itaku.account;

import java.util.List;

import jp.itaku.audit.CheckpointRecipients;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client security administrators as the recipients of the audit chain's checkpoints:
 * every enabled CLIENT_SECURITY_ADMIN with an e-mail address, of every client.
 */
@Component
class SecurityAdministrators implements CheckpointRecipients {

	private final UserAccountRepository repository;

	SecurityAdministrators(UserAccountRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Recipient> checkpointRecipients() {
		return this.repository.findByRoleOrderByUsernameAsc(Role.CLIENT_SECURITY_ADMIN)
			.stream()
			.filter(UserAccount::isEnabled)
			.filter((user) -> user.getEmail() != null && !user.getEmail().isBlank())
			.map((user) -> new Recipient(user.getEmail(), Mailer.localeOf(user.getPreferredLocale())))
			.toList();
	}

}
