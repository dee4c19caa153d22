package jp.itaku.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.zaxxer.hikari.HikariDataSource;
import jp.itaku.ItakuApplication;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incidents;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuCommand;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.crypto.FieldEncryptor;
import jp.itaku.platform.crypto.FieldKeyset;
import jp.itaku.platform.crypto.KeysetFiles;
import jp.itaku.platform.crypto.KeysetRefusedException;
import jp.itaku.roster.NationalityPurpose;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.SchemaOwner;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One key for all nodes: nodes started on one database (a schema of its own for each
 * test, so that rotating keys does not touch the other tests' data) with the same, a
 * different, an older or no keyset, and the rotation and retirement commands.
 */
@IntegrationTest
class KeysetNodesIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	/** The schema's owner: the nodes' schemas are its (see {@link #start}). */
	JdbcTemplate jdbc;

	@TempDir
	Path temp;

	String schema;

	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@BeforeEach
	void schema() {
		this.schema = "keys_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.jdbc = SchemaOwner.jdbc(this.flyway);
	}

	@AfterEach
	void stopNodesAndDropTheSchema() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.jdbc.execute("drop schema if exists " + this.schema + " cascade");
	}

	@Test
	void aNodeWithAnotherKeysetOrNoneRefusesToStartOnADatabaseWithEncryptedData() throws Exception {
		Path first = this.temp.resolve("first");
		ConfigurableApplicationContext node = start(first);
		String fingerprint = node.getBean(FieldEncryptor.class).fingerprint();
		assertThat(fingerprint).matches("[0-9a-f]{64}");
		assertThat(Files.exists(first.resolve("field-encryption.json"))).isTrue();
		assertThat(Files.exists(first.resolve("audit-chain.json"))).isTrue();
		assertThat(recordedFingerprints()).containsExactly(fingerprint);
		Fixtures fixtures = node.getBean(Fixtures.class);
		UserAccount user = fixtures.user(fixtures.organisation(OrganisationKind.CLIENT), Role.CLIENT_OFFICER);
		String secret = fixtures.enrolTotp(user).secret();
		stop(node);

		Path foreign = this.temp.resolve("foreign");
		KeysetFiles.create(foreign.resolve("field-encryption.json"), newFieldKeyset());
		copy(first, foreign, "audit-chain.json");
		assertThat(refusal(foreign)).contains("does not hold the key(s) the database records")
			.contains(fingerprint)
			.contains("different keyset");

		Path none = this.temp.resolve("none");
		copy(first, none, "audit-chain.json");
		assertThat(refusal(none)).contains("No field-encryption keyset at")
			.contains("never created for such a database");
		assertThat(none.resolve("field-encryption.json")).doesNotExist();

		Path noAuditKey = this.temp.resolve("no-audit-key");
		copy(first, noAuditKey, "field-encryption.json");
		assertThat(refusal(noAuditKey)).contains("No audit chain key at").contains("never created for a keyed chain");
		assertThat(noAuditKey.resolve("audit-chain.json")).doesNotExist();

		Path foreignAuditKey = this.temp.resolve("foreign-audit-key");
		copy(first, foreignAuditKey, "field-encryption.json");
		KeysetFiles.create(foreignAuditKey.resolve("audit-chain.json"), newAuditKey());
		assertThat(refusal(foreignAuditKey)).contains("is not the key the audit trail is keyed with");

		Path same = this.temp.resolve("same");
		copy(first, same, "field-encryption.json");
		copy(first, same, "audit-chain.json");
		ConfigurableApplicationContext second = start(same);
		assertThat(second.getBean(FieldEncryptor.class).fingerprint()).isEqualTo(fingerprint);
		assertThat(totpSecret(second, user.getId())).isEqualTo(secret);
		assertThat(second.getBean(AuditTrail.class).verify().intact()).isTrue();
	}

	@Test
	void aDatabaseFromBeforeTheRecordAcceptsOnlyTheKeysetOfItsCiphertexts() throws Exception {
		Path first = this.temp.resolve("first");
		ConfigurableApplicationContext node = start(first);
		Fixtures fixtures = node.getBean(Fixtures.class);
		UserAccount user = fixtures.user(fixtures.organisation(OrganisationKind.CLIENT), Role.CLIENT_OFFICER);
		String secret = fixtures.enrolTotp(user).secret();
		String fingerprint = node.getBean(FieldEncryptor.class).fingerprint();
		stop(node);
		this.jdbc.execute("delete from " + this.schema + ".field_encryption_key");

		Path foreign = this.temp.resolve("foreign");
		KeysetFiles.create(foreign.resolve("field-encryption.json"), newFieldKeyset());
		copy(first, foreign, "audit-chain.json");
		assertThat(refusal(foreign)).contains("cannot decrypt").contains("1 value(s) of key id");

		ConfigurableApplicationContext again = start(first);
		assertThat(recordedFingerprints()).containsExactly(fingerprint);
		assertThat(totpSecret(again, user.getId())).isEqualTo(secret);
	}

	@Test
	void rotationReEncryptsEveryFieldAndOnlyTheRotatedKeysetStartsAfterIt() throws Exception {
		Path keys = this.temp.resolve("keys");
		ConfigurableApplicationContext node = start(keys);
		Fixtures fixtures = node.getBean(Fixtures.class);
		Organisation client = fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = fixtures.user(client, Role.CLIENT_OFFICER);
		Actor secadmin = fixtures.actor(fixtures.user(client, Role.CLIENT_SECURITY_ADMIN));
		Actor lead = fixtures.actor(fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		List<UserAccount> enrolled = new ArrayList<>();
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			UserAccount user = fixtures.user(client, Role.CLIENT_OFFICER);
			enrolled.add(user);
			secrets.add(fixtures.enrolTotp(user).secret());
		}
		LocalDate today = ItakuTime.today(node.getBean(Clock.class));
		ContractForm form = fixtures.contractForm(contractor, "kadoma", today.minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		Contract contract = node.getBean(Contracts.class).register(fixtures.actor(officer), form);
		Rosters rosters = node.getBean(Rosters.class);
		List<RosterMember> members = new ArrayList<>();
		for (String nationality : List.of("中国", "ベトナム")) {
			RosterMemberForm worker = worker("従事者 " + nationality, today);
			worker.setNationality(nationality);
			members.add(rosters.add(lead, contract.getId(), worker));
		}
		// Kadoma 2(5): a nationality is shown only for a leak of the contract.
		String leak = node.getBean(Incidents.class)
			.report(lead, contract.getId(), fixtures.lossReport(node.getBean(Clock.class)))
			.getNumber();
		FieldKeyset keyset = node.getBean(FieldKeyset.class);
		String before = keyset.fingerprint();
		long oldKeyId = keyset.primaryKeyId();
		Path older = this.temp.resolve("older");
		copy(keys, older, "field-encryption.json");
		copy(keys, older, "audit-chain.json");
		String oldTotpCiphertext = totpCiphertext(enrolled.get(0).getId());

		assertThat(command(node, "rotate-keys", "--batch-size=1")).isZero();
		String after = keyset.fingerprint();
		assertThat(after).isNotEqualTo(before);
		assertThat(keyset.holdsKey(before)).isTrue();
		assertThat(keyset.usage()).containsOnlyKeys(keyset.primaryKeyId()).containsEntry(keyset.primaryKeyId(), 5L);
		for (int i = 0; i < enrolled.size(); i++) {
			assertThat(totpSecret(node, enrolled.get(i).getId())).isEqualTo(secrets.get(i));
		}
		assertThat(rosters.revealNationality(secadmin, members.get(0).getId(), NationalityPurpose.LEAK_TRACING, leak)
			.nationality()).contains("中国");
		assertThat(auditActions()).contains("KEYSET_ROTATED").contains("FIELDS_REENCRYPTED");
		assertThat(countOf("FIELDS_REENCRYPTED")).as("one audited batch per re-encrypted value").isEqualTo(5);
		assertThat(node.getBean(AuditTrail.class).verify().intact()).isTrue();

		// an interrupted rotation: a value still under the old key; retiring refuses,
		// running rotate-keys again finishes it without adding a key
		this.jdbc.update("update " + this.schema + ".user_account set totp_secret_ciphertext = ? where id = ?",
				oldTotpCiphertext, enrolled.get(0).getId());
		assertThat(keyset.usage()).containsEntry(oldKeyId, 1L);
		assertThat(command(node, "retire-keys")).isEqualTo(1);
		assertThat(keyset.holdsKey(before)).isTrue();
		assertThat(command(node, "rotate-keys")).isZero();
		assertThat(keyset.fingerprint()).isEqualTo(after);
		assertThat(keyset.usage()).containsOnlyKeys(keyset.primaryKeyId());
		assertThat(command(node, "retire-keys")).isZero();
		assertThat(keyset.holdsKey(before)).isFalse();
		assertThat(KeysetFiles.read(keys.resolve("field-encryption.json")).size()).isEqualTo(1);
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from " + this.schema
								+ ".field_encryption_key where retired_at is not null and fingerprint = ?",
						Long.class, before))
			.isEqualTo(1);
		assertThat(totpSecret(node, enrolled.get(0).getId())).isEqualTo(secrets.get(0));
		stop(node);

		assertThat(refusal(older)).contains("does not hold the key(s) the database records").contains(after);
		Path rotated = this.temp.resolve("rotated");
		copy(keys, rotated, "field-encryption.json");
		copy(keys, rotated, "audit-chain.json");
		ConfigurableApplicationContext restarted = start(rotated);
		assertThat(restarted.getBean(FieldEncryptor.class).fingerprint()).isEqualTo(after);
		for (int i = 0; i < enrolled.size(); i++) {
			assertThat(totpSecret(restarted, enrolled.get(i).getId())).isEqualTo(secrets.get(i));
		}
		assertThat(restarted.getBean(Rosters.class)
			.revealNationality(secadmin, members.get(1).getId(), NationalityPurpose.LEAK_TRACING, leak)
			.nationality()).contains("ベトナム");
		assertThat(restarted.getBean(AuditTrail.class).verify().intact()).isTrue();
	}

	private ConfigurableApplicationContext start(Path keys) {
		HikariDataSource database = (HikariDataSource) this.dataSource;
		String url = database.getJdbcUrl();
		url += (url.contains("?") ? "&" : "?") + "currentSchema=" + this.schema + ",public";
		// The nodes run as the schema's owner, one role for both: their schema is created
		// by Flyway, which the application's own role may not do (its grants cover the
		// public schema only; the roles are not what this test is about).
		String username = database.getUsername();
		String password = Objects.toString(database.getPassword(), "");
		if (this.flyway.getConfiguration().getDataSource() instanceof SimpleDriverDataSource owner) {
			username = owner.getUsername();
			password = Objects.toString(owner.getPassword(), "");
		}
		ConfigurableApplicationContext node = new SpringApplicationBuilder(ItakuApplication.class, Fixtures.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
					"--spring.datasource.password=" + password, "--spring.datasource.hikari.maximum-pool-size=4",
					"--spring.datasource.hikari.minimum-idle=1", "--spring.flyway.schemas=" + this.schema,
					"--itaku.crypto.keyset-file=" + keys.resolve("field-encryption.json"),
					"--itaku.documents.dir=" + this.temp.resolve("documents"),
					"--itaku.logs.spool-dir=" + this.temp.resolve("spool"));
		this.nodes.add(node);
		return node;
	}

	private void stop(ConfigurableApplicationContext node) {
		node.close();
		this.nodes.remove(node);
	}

	private String refusal(Path keys) {
		Throwable failure = catchThrowable(() -> start(keys));
		Throwable cause = failure;
		while (cause != null && !(cause instanceof KeysetRefusedException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", failure).isInstanceOf(KeysetRefusedException.class);
		return cause.getMessage();
	}

	private int command(ConfigurableApplicationContext node, String name, String... arguments) {
		return node.getBeansOfType(ItakuCommand.class)
			.values()
			.stream()
			.filter((command) -> command.name().equals(name))
			.findFirst()
			.orElseThrow()
			.run(new DefaultApplicationArguments(arguments));
	}

	private List<String> recordedFingerprints() {
		return this.jdbc.queryForList("select fingerprint from " + this.schema + ".field_encryption_key", String.class);
	}

	private List<String> auditActions() {
		return this.jdbc.queryForList("select action from " + this.schema + ".audit_entry order by seq", String.class);
	}

	private long countOf(String action) {
		return this.jdbc.queryForObject("select count(*) from " + this.schema + ".audit_entry where action = ?",
				Long.class, action);
	}

	private String totpCiphertext(UUID userId) {
		return this.jdbc.queryForObject(
				"select totp_secret_ciphertext from " + this.schema + ".user_account where id = ?", String.class,
				userId);
	}

	private String totpSecret(ConfigurableApplicationContext node, UUID userId) {
		return node.getBean(FieldEncryptor.class)
			.decrypt(JdbcClient.create(node.getBean(DataSource.class))
				.sql("select totp_secret_ciphertext from user_account where id = ?")
				.param(userId)
				.query(String.class)
				.single(), "user_account.totp_secret:" + userId);
	}

	private static RosterMemberForm worker(String name, LocalDate start) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("データ入力課");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請書の入力");
		form.setWorkLocation("本社 5階 入力室");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(start);
		return form;
	}

	private static void copy(Path from, Path to, String file) throws IOException {
		Files.createDirectories(to);
		Files.copy(from.resolve(file), to.resolve(file));
	}

	private static KeysetHandle newFieldKeyset() throws GeneralSecurityException {
		AeadConfig.register();
		return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
	}

	private static KeysetHandle newAuditKey() throws GeneralSecurityException {
		MacConfig.register();
		return KeysetHandle.generateNew(HmacParameters.builder()
			.setKeySizeBytes(32)
			.setTagSizeBytes(32)
			.setHashType(HmacParameters.HashType.SHA256)
			.setVariant(HmacParameters.Variant.NO_PREFIX)
			.build());
	}

}
