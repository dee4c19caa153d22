package jp.itaku.home;

import java.util.List;

import jp.itaku.account.SignIn;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.Actor;
import jp.itaku.platform.web.InboxItem;
import jp.itaku.platform.web.InboxItems;
import jp.itaku.support.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract's overview lists what waits for the viewer on that contract, gathered with
 * every module's reads focused on it ({@code ReadFocus}): for every demo account and
 * every contract it takes part in, exactly the items the whole inbox holds for that
 * contract, in the same order — nothing lost by the focus, nothing of another contract.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=Demo-Itaku-Kanri-2026",
		"itaku.security.totp.required-roles=" })
class InboxFocusIT {

	@Autowired
	InboxItems items;

	@Autowired
	Contracts contracts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignIn signIn;

	@Test
	void aContractsItemsAreThoseTheWholeInboxHoldsForIt() {
		int compared = 0;
		int withItems = 0;
		for (String username : List.of("admin", "secadmin", "officer", "auditor", "lead", "worker", "lead2",
				"sublead")) {
			Actor actor = actor(username);
			List<InboxItem> all = this.items.of(actor);
			for (Contract contract : this.contracts.listAsParticipant(actor)) {
				String label = contract.getNumber() + " " + contract.getTitle();
				List<InboxItem> expected = all.stream().filter((item) -> item.contract().equals(label)).toList();
				assertThat(this.items.of(actor, contract.getId(), label)).as(username + " on " + label)
					.containsExactlyElementsOf(expected);
				compared++;
				withItems += expected.isEmpty() ? 0 : 1;
			}
		}
		assertThat(compared).as("account and contract pairs compared").isGreaterThan(20);
		assertThat(withItems).as("pairs with something waiting").isGreaterThan(5);
	}

	private Actor actor(String username) {
		return SignedInUser.actor(this.jdbc, this.signIn, username);
	}

}
