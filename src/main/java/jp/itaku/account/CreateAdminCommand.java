package jp.itaku.account;

import java.util.List;

import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.ItakuCommand;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Terminal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code --itaku.command=create-admin --username=NAME --organisation="NAME"}: creates a
 * system administrator (and, if needed, their client organisation) with a one-time
 * password printed to the terminal, never to the log. Production has no default
 * credentials; this is how the first administrator comes to be. The password must be
 * changed, and an authenticator enrolled, at first sign-in.
 */
@Component
class CreateAdminCommand implements ItakuCommand {

	private final UserAccounts users;

	private final AccountSystemReads accountReads;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final Terminal terminal;

	CreateAdminCommand(UserAccounts users, Organisations organisations, Terminal terminal,
			AccountSystemReads accountReads, OrganisationSystemReads organisationReads) {
		this.organisationReads = organisationReads;
		this.accountReads = accountReads;
		this.users = users;
		this.organisations = organisations;
		this.terminal = terminal;
	}

	@Override
	public String name() {
		return "create-admin";
	}

	@Override
	public int run(ApplicationArguments arguments) {
		String username = single(arguments, "username");
		String organisationName = single(arguments, "organisation");
		if (username == null || organisationName == null) {
			this.terminal.line("Usage: --itaku.command=create-admin --username=NAME --organisation=\"CLIENT NAME\"");
			return 2;
		}
		if (this.accountReads.findByUsernameUnscoped(username).isPresent()) {
			this.terminal.line("User '" + username + "' exists already; nothing changed.");
			return 1;
		}
		Organisation organisation = this.organisationReads.findByNameUnscoped(organisationName)
			.orElseGet(() -> this.organisations.create(null,
					new OrganisationForm(organisationName, OrganisationKind.CLIENT, null)));
		if (organisation.getKind() != OrganisationKind.CLIENT) {
			this.terminal.line("'" + organisationName + "' is not a client organisation; nothing changed.");
			return 1;
		}
		CreatedUser created = this.users.create(null,
				UserForm.filled(username, username, null, organisation.getId(), Role.SYSTEM_ADMIN, true));
		this.terminal.line("Created system administrator '" + created.user().getUsername() + "' of "
				+ organisation.getName() + ".");
		this.terminal.line("One-time password (shown once, change it at first sign-in): " + created.oneTimePassword());
		return 0;
	}

	private static @Nullable String single(ApplicationArguments arguments, String name) {
		List<String> values = arguments.getOptionValues(name);
		return (values == null || values.isEmpty() || values.get(0).isBlank()) ? null : values.get(0).strip();
	}

}
