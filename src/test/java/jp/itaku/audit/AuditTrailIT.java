package jp.itaku.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jp.itaku.account.ApiTokens;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.account.UserForm;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationForm;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.SchemaOwner;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail: one entry per audited action, append-only in the database itself, and
 * a hash chain that reveals tampering.
 */
@IntegrationTest
class AuditTrailIT {

	@Autowired
	TransactionOperations transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAccounts users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditRepository repository;

	UserAccount admin;

	Actor adminActor;

	@BeforeEach
	void admin() {
		this.admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		this.adminActor = this.fixtures.actor(this.admin);
	}

	@Test
	void eachAuditedActionWritesExactlyOneEntry() throws Exception {
		Organisation organisation = once("ORGANISATION_CREATED", () -> this.organisations.create(this.adminActor,
				new OrganisationForm("監査テスト " + UUID.randomUUID(), OrganisationKind.CONTRACTOR, null)));
		once("ORGANISATION_UPDATED", () -> this.organisations.update(this.adminActor, organisation.getId(),
				new OrganisationForm(organisation.getName() + " 改", OrganisationKind.CONTRACTOR, "大阪府")));
		UserAccount user = once("USER_CREATED",
				() -> this.users.create(this.adminActor,
						UserForm.filled("a" + UUID.randomUUID().toString().substring(0, 8), "監査 対象", null,
								organisation.getId(), Role.CONTRACTOR_WORKER, true)))
			.user();
		once("USER_UPDATED", () -> this.users.update(this.adminActor, user.getId(),
				UserForm.filled(user.getUsername(), "監査 対象2", null, organisation.getId(), Role.CONTRACTOR_LEAD, true)));
		once("USER_PASSWORD_RESET", () -> this.users.resetPassword(this.adminActor, user.getId()));
		once("USER_UNLOCKED", () -> {
			this.users.unlock(this.adminActor, user.getId());
			return null;
		});
		once("USER_TOTP_RESET", () -> {
			this.users.resetTwoFactor(this.adminActor, user.getId());
			return null;
		});
		once("TOTP_ENROLLED", () -> this.fixtures.enrolTotp(this.admin));
		ApiTokens.IssuedToken token = once("API_TOKEN_CREATED", () -> this.tokens.issue(this.adminActor, "監査", 30));
		once("API_TOKEN_REVOKED", () -> {
			this.tokens.revoke(this.adminActor, token.token().getId());
			return null;
		});
		once("AUDIT_EXPORTED", () -> this.audit.export(this.adminActor, AuditSearch.ALL, 10));
		once("PASSWORD_CHANGED", () -> {
			this.users.changeOwnPassword(this.admin.getId(), Fixtures.PASSWORD, "Sora-Tobu-Kujira-2027");
			return null;
		});
		UserAccount worker = this.fixtures.user(organisation, Role.CONTRACTOR_WORKER);
		onceFor(worker, "SIGN_IN", () -> this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD));
		onceFor(worker, "SIGN_IN_FAILED", () -> this.fixtures.formLogin(this.mvc, worker.getUsername(), "wrong"));
		var session = jp.itaku.support.Fixtures
			.session(this.fixtures.formLogin(this.mvc, worker.getUsername(), Fixtures.PASSWORD));
		onceFor(worker, "SIGN_OUT", () -> this.mvc.perform(post("/logout").session(session).with(csrf())).andReturn());
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntriesEvenToTheirOwner() {
		this.transactions
			.executeWithoutResult((status) -> this.audit.record(AuditRecord.of("TEST_ENTRY").actor(this.adminActor)));
		JdbcTemplate owner = SchemaOwner.jdbc(this.flyway);
		Long seq = owner.queryForObject("select max(seq) from audit_entry", Long.class);
		assertThatThrownBy(() -> owner.update("update audit_entry set action = 'X' where seq = ?", seq))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.update("delete from audit_entry where seq = ?", seq))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("retention");
		assertThatThrownBy(() -> owner.execute("truncate audit_entry")).isInstanceOf(DataAccessException.class);
	}

	@Test
	void aPurgeCannotReachEntriesYoungerThanThreeMonths() {
		this.transactions
			.executeWithoutResult((status) -> this.audit.record(AuditRecord.of("TEST_ENTRY").actor(this.adminActor)));
		assertThat(this.audit.purgeExpired(this.adminActor)).isZero();
		assertThatThrownBy(() -> SchemaOwner.jdbc(this.flyway).execute("""
				do $$ begin
				  perform set_config('itaku.audit_purge_before', (now() - interval '1 day')::text, true);
				  delete from audit_entry;
				end $$
				""")).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("retention");
		assertThatThrownBy(
				() -> this.jdbc.queryForObject("select itaku_audit_purge(now() - interval '1 day', now())", Long.class))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("younger than three months");
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void theStreamAssemblesExactlyTheBytesEachHashCovers() {
		// absent fields (no actor, no target), Japanese text, escapes in the details
		this.transactions.executeWithoutResult((status) -> {
			this.audit.record(AuditRecord.of("TEST_ENTRY"));
			this.audit.record(AuditRecord.of("TEST_ENTRY")
				.actor(this.adminActor)
				.target("契約", "R8-区民-007")
				.detail("理由", "改行\nタブ\t引用\"符")
				.detail("n", 0));
		});
		long last = this.repository.head().seq();
		assertStreamedAsJavaBuildsThem(last - 1, last);
		// instants at the edges of the formatting: whole seconds, before 1970 and 2000,
		// the end of February in a century year and in a leap century, another zone's
		// midnight, before the Gregorian calendar's start (the entry is read without the
		// driver's Julian calendar)
		AuditEntry second = this.repository.entryAt(last);
		assertThat(second).isNotNull();
		JdbcTemplate owner = SchemaOwner.jdbc(this.flyway);
		owner.execute("alter table audit_entry disable trigger audit_entry_no_update");
		try {
			for (String instant : List.of("2000-01-01 00:00:00+00", "1999-12-31 23:59:59.999999+00",
					"1969-12-31 23:59:59.5+00", "1900-02-28 23:59:59.999999+00", "2400-02-29 12:00:00.000001+00",
					"2026-12-07 00:00:00+09", "1582-10-04 23:59:59+00", "1500-03-01 00:00:00.25+00")) {
				owner.update("update audit_entry set occurred_at = ?::timestamptz where seq = ?", instant, last);
				assertStreamedAsJavaBuildsThem(last - 1, last);
			}
		}
		finally {
			owner.update("update audit_entry set occurred_at = ? where seq = ?", Timestamp.from(second.occurredAt()),
					last);
			owner.execute("alter table audit_entry enable trigger audit_entry_no_update");
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	private void assertStreamedAsJavaBuildsThem(long first, long last) {
		Map<Long, byte[]> covered = new TreeMap<>();
		this.transactions.executeWithoutResult((status) -> this.repository.streamChain(first - 1, 10,
				(seq, bytes, length, entryHash, hashLength, switchTarget) -> {
					covered.put(seq, Arrays.copyOf(bytes, length));
					return true;
				}));
		assertThat(covered).containsKeys(first, last);
		covered.forEach((seq, bytes) -> {
			AuditEntry entry = this.repository.entryAt(seq);
			assertThat(entry).isNotNull();
			assertThat(new String(bytes, StandardCharsets.UTF_8)).as("entry %d", seq)
				.isEqualTo(entry.previousHash() + "\u001e" + entry.canonicalContent());
		});
	}

	@Test
	void tamperingWithOneEntryIsDetectedAndNamed() {
		AuditEntry entry = this.transactions
			.execute((status) -> this.audit.record(AuditRecord.of("TEST_ENTRY").actor(this.adminActor).detail("n", 1)));
		assertThat(this.audit.verify().intact()).isTrue();
		tamper(entry.seq(), "{\"n\":2}");
		try {
			ChainVerification result = this.audit.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(entry.seq());
			assertThat(result.summary()).contains("broken at entry " + entry.seq());
		}
		finally {
			tamper(entry.seq(), entry.details());
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void verificationIsOfferedByApiAndPage() throws Exception {
		this.mvc.perform(get("/api/v1/audit/verify").with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.entries").value(org.hamcrest.Matchers.greaterThan(0)));
		var flash = this.mvc
			.perform(post("/audit/verify").with(authentication(this.fixtures.signedIn(this.admin))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap();
		assertThat(flash.get("verification")).isInstanceOfSatisfying(ChainVerification.class,
				(verification) -> assertThat(verification.intact()).isTrue());
	}

	@Test
	void theCsvExportOpensInExcel() throws Exception {
		byte[] csv = this.mvc.perform(get("/audit/export.csv").with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).contains("記録番号,日時,ユーザーID");
	}

	private void tamper(long seq, String details) {
		// Only the schema's owner can do this; the application's role cannot
		// (AuditProtectionIT).
		JdbcTemplate owner = SchemaOwner.jdbc(this.flyway);
		owner.execute("alter table audit_entry disable trigger audit_entry_no_update");
		try {
			owner.update("update audit_entry set details = ? where seq = ?", details, seq);
		}
		finally {
			owner.execute("alter table audit_entry enable trigger audit_entry_no_update");
		}
	}

	private <T> T once(String action, ThrowingSupplier<T> change) throws Exception {
		return counted(new AuditSearch(null, null, this.admin.getUsername(), action, null, null), action, change);
	}

	private <T> T onceFor(UserAccount user, String action, ThrowingSupplier<T> change) throws Exception {
		return counted(new AuditSearch(null, null, user.getUsername(), action, null, null), action, change);
	}

	private <T> T counted(AuditSearch search, String action, ThrowingSupplier<T> change) throws Exception {
		long before = this.audit.search(this.adminActor, search, 0, 1).total();
		T result = change.get();
		long after = this.audit.search(this.adminActor, search, 0, 1).total();
		assertThat(after - before).as(action).isEqualTo(1);
		List<AuditEntry> latest = this.audit.search(this.adminActor, search, 0, 1).entries();
		assertThat(latest.get(0).entryHash()).hasSize(64);
		return result;
	}

	@FunctionalInterface
	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
