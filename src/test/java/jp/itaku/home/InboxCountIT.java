package jp.itaku.home;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jp.itaku.account.SignIn;
import jp.itaku.platform.Actor;
import jp.itaku.platform.web.InboxItems;
import jp.itaku.platform.web.InboxSource;
import jp.itaku.support.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The navigation's count of what waits (対応待ち) is counted in SQL where the sources can
 * ({@link InboxSource#countFor}), and must equal the items the inbox lists: a property
 * test over the demo data whose states are shuffled at random, round after round —
 * submissions awaiting review or not, applications pending or decided, incidents
 * acknowledged or not, contracts closed with the client's rights running or over — each
 * round compared for every demo account, source by source and in all. The shuffles are
 * rolled back with the test's transaction.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=Demo-Itaku-Kanri-2026",
		"itaku.security.totp.required-roles=" })
@Transactional
class InboxCountIT {

	private static final int ROUNDS = 12;

	private static final List<String> ACCOUNTS = List.of("admin", "secadmin", "officer", "auditor", "lead", "worker",
			"lead2", "sublead", "wakaba");

	@Autowired
	InboxItems items;

	@Autowired
	List<InboxSource> sources;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignIn signIn;

	@Autowired
	EntityManager entityManager;

	@Test
	void theCountsEqualTheListsWhateverTheStates() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Map<String, Actor> actors = new HashMap<>();
		ACCOUNTS.forEach((username) -> actors.put(username, actor(username)));
		UUID secadmin = actors.get("secadmin").userId();
		Map<String, Integer> mostCounted = new HashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			if (round > 0) {
				shuffle(random, secadmin);
			}
			for (String username : ACCOUNTS) {
				Actor actor = actors.get(username);
				String where = "seed " + seed + ", round " + round + ", " + username;
				for (InboxSource source : this.sources) {
					String name = AopUtils.getTargetClass(source).getSimpleName();
					int listed = source.itemsFor(actor).size();
					assertThat(source.countFor(actor)).as(where + ", " + name).isEqualTo(listed);
					mostCounted.merge(name, listed, Math::max);
				}
				assertThat(this.items.count(actor)).as(where + ", in all").isEqualTo(this.items.of(actor).size());
			}
		}
		// Every source counted in SQL met something to count.
		assertThat(mostCounted).as("seed " + seed)
			.containsKeys("ObligationInbox", "AssetRequestInbox", "ApprovalInbox", "SubcontractInbox", "IncidentInbox")
			.allSatisfy((name, most) -> {
				if (!name.equals("PlanInbox") && !name.equals("FindingInbox")) {
					assertThat(most).as(name + ", seed " + seed).isPositive();
				}
			});
	}

	/** New states for about half of each kind of record, within the schema's rules. */
	private void shuffle(Random random, UUID acknowledger) {
		for (UUID id : ids("obligation")) {
			if (random.nextBoolean()) {
				String status = List.of("OPEN", "SUBMITTED", "RETURNED", "ACCEPTED", "WAIVED").get(random.nextInt(5));
				this.jdbc.sql("update obligation set status = ? where id = ?").params(status, id).update();
			}
		}
		for (UUID id : ids("asset_request")) {
			if (random.nextBoolean()) {
				this.jdbc.sql("update asset_request set status = ?, decided_at = null, decided_by = null where id = ?")
					.params(random.nextBoolean() ? "REQUESTED" : "WITHDRAWN", id)
					.update();
			}
		}
		for (UUID id : ids("approval")) {
			if (random.nextBoolean()) {
				this.jdbc.sql("update approval set status = ?, decided_by = null where id = ?")
					.params(random.nextBoolean() ? "PENDING" : "WITHDRAWN", id)
					.update();
			}
		}
		for (UUID id : ids("subcontract")) {
			if (random.nextBoolean()) {
				boolean pending = random.nextBoolean();
				this.jdbc
					.sql("update subcontract set status = ?, decided_at = " + (pending ? "null" : "now()")
							+ ", decided_by = null where id = ?")
					.params(pending ? "PENDING" : "APPROVED", id)
					.update();
			}
		}
		for (UUID id : ids("incident")) {
			if (random.nextBoolean()) {
				boolean acknowledged = random.nextBoolean();
				this.jdbc
					.sql("update incident set acknowledged_at = " + (acknowledged ? "now()" : "null")
							+ ", acknowledged_by = ? where id = ?")
					.params(acknowledged ? acknowledger : null, id)
					.update();
			}
		}
		for (UUID id : ids("contract")) {
			int pick = random.nextInt(4);
			if (pick == 0) {
				// Closed, the client's rights running for a while yet or already over.
				this.jdbc.sql("""
						update contract set status = 'CLOSED', closed_at = now(),
						       client_rights_until = current_date + ? where id = ?
						""").params(random.nextBoolean() ? 30 : -30, id).update();
			}
			else if (pick == 1) {
				this.jdbc
					.sql("update contract set status = 'ACTIVE', closed_at = null, client_rights_until = null"
							+ " where id = ?")
					.param(id)
					.update();
			}
		}
		this.entityManager.flush();
		this.entityManager.clear();
	}

	private List<UUID> ids(String table) {
		return this.jdbc.sql("select id from " + table + " order by id").query(UUID.class).list();
	}

	private Actor actor(String username) {
		return SignedInUser.actor(this.jdbc, this.signIn, username);
	}

}
