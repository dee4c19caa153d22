package jp.itaku.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BinaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.document.DocumentStore;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.crypto.KeysetFiles;
import jp.itaku.support.AuditTampering;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.ReadmeExamples;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The keyed audit chain and its checkpoints outside the database: written to the document
 * store and mailed to the security administrators; verification then detects what the
 * chain alone cannot — its last rows removed, or the chain rewritten with recomputed
 * hashes, whatever they were recomputed with — and still detects an edited or a missing
 * entry.
 */
@IntegrationTest
@Import(AuditTampering.class)
@TestPropertySource(properties = "itaku.audit.checkpoint.mail-every=0s")
class AuditCheckpointsIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Autowired
	TransactionOperations transactions;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	AuditRepository repository;

	@Autowired
	AuditChainKey key;

	@Autowired
	DocumentStore store;

	@Autowired
	AuditTampering tampering;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	UserAccount admin;

	Actor adminActor;

	UserAccount secadmin;

	@BeforeEach
	void people() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.admin = this.fixtures.user(client, Role.SYSTEM_ADMIN);
		this.adminActor = this.fixtures.actor(this.admin);
		this.secadmin = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void theScheduledCheckpointGoesToTheStoreAndToTheSecurityAdministrators() throws Exception {
		record(1);
		AuditCheckpoint checkpoint = this.checkpoints.writeScheduled().orElseThrow();
		AuditRepository.ChainHead head = this.repository.head();
		assertThat(checkpoint.seq()).isEqualTo(head.seq());
		assertThat(checkpoint.entryHash()).isEqualTo(head.hash());
		assertThat(checkpoint.chain()).isEqualTo(this.key.chainId());

		assertThat(checkpoint.objectName()).startsWith("audit-checkpoints/" + this.key.chainId() + "/")
			.endsWith(String.format("%019d.json", checkpoint.seq()));
		String stored = new String(this.store.openObject(checkpoint.objectName()).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(stored).contains("\"seq\":" + checkpoint.seq())
			.contains("\"entryHash\":\"" + checkpoint.entryHash() + "\"")
			.contains("\"mac\":\"" + checkpoint.mac() + "\"")
			.contains("\"signedText\":\"" + checkpoint.signedText() + "\"");
		assertThat(checkpoint.mac()).isEqualTo(hmac(keyBytes(), checkpoint.signedText()));

		List<MimeMessage> mails = mailsTo(this.secadmin.getEmail());
		assertThat(mails).hasSize(1);
		String body = mails.get(0).getContent().toString();
		assertThat(mails.get(0).getSubject()).contains("監査ログのチェックポイント").contains("" + checkpoint.seq());
		assertThat(body).contains(checkpoint.mac())
			.contains(checkpoint.entryHash())
			.contains(checkpoint.chain().toString())
			.contains("printf '%s' '" + checkpoint.signedText() + "' | openssl dgst -sha256 -mac HMAC");
		assertThat(this.jdbc.queryForObject(
				"select mailed_to from audit_checkpoint where chain_id = ? and seq = ? and trigger = 'SCHEDULED'",
				Integer.class, checkpoint.chain(), checkpoint.seq()))
			.isPositive();

		assertThat(this.checkpoints.writeScheduled()).as("nothing added since the last checkpoint").isEmpty();
		record(1);
		assertThat(this.checkpoints.writeScheduled()).isPresent();
	}

	@Test
	void theSystemAdministratorWritesACheckpointOnDemandAndIsAudited() throws Exception {
		String json = this.mvc
			.perform(post("/api/v1/audit/checkpoints").with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.chain").value(this.key.chainId().toString()))
			.andExpect(jsonPath("$.mac").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		AuditEntry request = this.repository.chainSlice(this.repository.head().seq() - 1, 1).get(0);
		assertThat(request.action()).isEqualTo("AUDIT_CHECKPOINT_REQUESTED");
		assertThat(request.username()).isEqualTo(this.admin.getUsername());
		assertThat(json).contains("\"seq\":" + request.seq());
		assertThat(mailsTo(this.secadmin.getEmail())).hasSize(1);

		UserAccount officer = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT),
				Role.CLIENT_SECURITY_ADMIN);
		this.mvc.perform(post("/api/v1/audit/checkpoints").with(authentication(this.fixtures.signedIn(officer))))
			.andExpect(status().isForbidden());

		this.mvc
			.perform(post("/audit/checkpoint").with(authentication(this.fixtures.signedIn(this.admin))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("checkpoint"));
		String page = this.mvc.perform(get("/audit").with(authentication(this.fixtures.signedIn(this.admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"write-checkpoint\"");
		String officersPage = this.mvc.perform(get("/audit").with(authentication(this.fixtures.signedIn(officer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(officersPage).doesNotContain("id=\"write-checkpoint\"");
	}

	@Test
	void verificationSaysWhichPartIsKeyedAndComparesTheLastCheckpoint() throws Exception {
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(this.adminActor);
		ChainVerification result = this.trail.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.keyedAfter()).isEqualTo(this.repository.chainKeys().get(0).seq());
		assertThat(result.checkpoint().status()).isEqualTo(ChainVerification.CheckpointCheck.Status.MATCHES);
		assertThat(result.checkpoint().seq()).isEqualTo(checkpoint.seq());
		assertThat(result.summary()).startsWith("intact, ")
			.contains("HMAC-SHA256 after")
			.contains("checkpoint: entry " + checkpoint.seq());
		this.mvc.perform(get("/api/v1/audit/verify").with(authentication(this.fixtures.signedIn(this.admin))))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.keyedAfter").value(result.keyedAfter()))
			.andExpect(jsonPath("$.checkpoint.status").value("MATCHES"));
		AuditEntry keyedSwitch = this.repository.chainSlice(result.keyedAfter() - 1, 1).get(0);
		assertThat(keyedSwitch.action()).isEqualTo("AUDIT_CHAIN_KEYED");
		assertThat(keyedSwitch.details()).contains(this.key.fingerprint()).contains(this.key.chainId().toString());
	}

	@Test
	void theAuditPageTellsTheVerificationInJapanese() throws Exception {
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(this.adminActor);
		ChainVerification intact = this.trail.verify();
		assertThat(page(intact)).contains("改ざんはありません")
			.contains("HMAC-SHA256 で連結されています")
			.contains("最新のチェックポイント（記録番号 " + checkpoint.seq() + "、");
		ChainVerification.CheckpointCheck truncated = new ChainVerification.CheckpointCheck(
				ChainVerification.CheckpointCheck.Status.TRUNCATED, checkpoint.seq(), checkpoint.writtenAt(),
				checkpoint.objectName(), 2);
		assertThat(page(new ChainVerification(false, 10, checkpoint.seq(), "truncated",
				ChainVerification.Problem.TRUNCATED, intact.keyedAfter(), truncated)))
			.contains("記録番号 " + checkpoint.seq() + " で不整合を検出しました（最新のチェックポイントが確認した記録がありません")
			.contains("ほかの 2 本のチェーンのチェックポイント");
		ChainVerification.CheckpointCheck forged = new ChainVerification.CheckpointCheck(
				ChainVerification.CheckpointCheck.Status.FORGED, null, null, checkpoint.objectName(), 0);
		assertThat(page(new ChainVerification(false, 10, null, "forged", ChainVerification.Problem.CHECKPOINT_FORGED,
				null, forged)))
			.contains("最新のチェックポイント " + checkpoint.objectName() + " に正しい MAC がありません（偽造または破損）")
			.contains("鍵付きの連結はまだありません");
		ChainVerification.CheckpointCheck unreadable = new ChainVerification.CheckpointCheck(
				ChainVerification.CheckpointCheck.Status.UNREADABLE, null, null, null, 0);
		assertThat(page(new ChainVerification(false, 10, null, "unreadable",
				ChainVerification.Problem.CHECKPOINT_UNREADABLE, intact.keyedAfter(), unreadable)))
			.contains("文書ストアを読み取れないため、チェックポイントとの照合ができませんでした");
	}

	private String page(ChainVerification verification) throws Exception {
		return this.mvc
			// As the input flash map of the redirect after a verification. (MockMvc's
			// flashAttr keeps it in the mock's own session, which the application does
			// not
			// read: its sessions are Spring Session's, in the database.)
			.perform(get("/audit").with(authentication(this.fixtures.signedIn(this.admin)))
				.requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
						java.util.Map.of("verification", verification)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void truncatingTheLastRowsIsDetectedAgainstTheLastCheckpoint() {
		record(3);
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(this.adminActor);
		List<AuditEntry> last = this.repository.chainSlice(checkpoint.seq() - 3, 10);
		assertThat(last).hasSize(3);
		this.tampering.asOwner((db) -> db.update("delete from audit_entry where seq > ?", checkpoint.seq() - 3));
		try {
			ChainVerification result = this.trail.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(ChainVerification.Problem.TRUNCATED);
			assertThat(result.firstBrokenSeq()).isEqualTo(checkpoint.seq() - 2);
			assertThat(result.checkpoint().status()).isEqualTo(ChainVerification.CheckpointCheck.Status.TRUNCATED);
			assertThat(result.summary()).contains("the last rows were removed");
		}
		finally {
			this.tampering.asOwner((db) -> last.forEach((entry) -> insert(db, entry)));
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void aRewriteWithRecomputedHashesIsDetectedAgainstTheLastCheckpointWhateverTheHashes() {
		record(4);
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(this.adminActor);
		List<AuditEntry> original = this.repository.chainSlice(checkpoint.seq() - 4, 10);
		Mac chainKey = this.key.mac();
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);

		rewritten(original, (previous, content) -> AuditChain.hmac(chainKey, previous, content), (result) -> {
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).as("the chain alone holds: only the checkpoint reveals it")
				.isEqualTo(ChainVerification.Problem.REWRITTEN);
			assertThat(result.firstBrokenSeq()).isEqualTo(checkpoint.seq());
		});
		rewritten(original, AuditChain::hash, (result) -> {
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(ChainVerification.Problem.HMAC_MISMATCH);
			assertThat(result.firstBrokenSeq()).isEqualTo(original.get(0).seq());
			assertThat(result.reason()).contains("keyed part");
		});
		rewritten(original, (previous, content) -> hmac(otherKey, previous + "\u001e" + content), (result) -> {
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(ChainVerification.Problem.HMAC_MISMATCH);
			assertThat(result.firstBrokenSeq()).isEqualTo(original.get(0).seq());
		});
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void anEditedEntryAndAMissingMiddleEntryAreStillDetected() {
		record(3);
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(this.adminActor);
		AuditEntry middle = this.repository.chainSlice(checkpoint.seq() - 3, 1).get(0);

		this.tampering
			.asOwner((db) -> db.update("update audit_entry set details = ? where seq = ?", "{\"n\":99}", middle.seq()));
		try {
			ChainVerification result = this.trail.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(ChainVerification.Problem.HMAC_MISMATCH);
			assertThat(result.firstBrokenSeq()).isEqualTo(middle.seq());
			assertThat(result.checkpoint().status()).isEqualTo(ChainVerification.CheckpointCheck.Status.MATCHES);
		}
		finally {
			this.tampering.asOwner((db) -> db.update("update audit_entry set details = ? where seq = ?",
					middle.details(), middle.seq()));
		}

		this.tampering.asOwner((db) -> db.update("delete from audit_entry where seq = ?", middle.seq()));
		try {
			ChainVerification result = this.trail.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ENTRY_MISSING);
			assertThat(result.firstBrokenSeq()).isEqualTo(middle.seq());
		}
		finally {
			this.tampering.asOwner((db) -> insert(db, middle));
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void aCheckpointWithoutTheKeysMacIsReportedAsForged() {
		AuditCheckpoint genuine = this.checkpoints.writeNow(this.adminActor);
		AuditCheckpoint forged = new AuditCheckpoint(genuine.chain(), genuine.seq() + 1_000_000, "f".repeat(64),
				genuine.writtenAt(), genuine.key(), "0".repeat(64));
		this.store.putObject(forged.objectName(),
				new ByteArrayInputStream(("{\"format\":\"" + AuditCheckpoint.FORMAT + "\",\"chain\":\"" + forged.chain()
						+ "\",\"seq\":" + forged.seq() + ",\"entryHash\":\"" + forged.entryHash()
						+ "\",\"writtenAt\":\"" + AuditChain.formatInstant(forged.writtenAt()) + "\",\"key\":\""
						+ forged.key() + "\",\"mac\":\"" + forged.mac() + "\"}")
					.getBytes(StandardCharsets.UTF_8)),
				4096);
		try {
			ChainVerification result = this.trail.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(ChainVerification.Problem.CHECKPOINT_FORGED);
			assertThat(result.checkpoint().name()).isEqualTo(forged.objectName());
		}
		finally {
			this.store.deleteObject(forged.objectName());
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void aCheckpointAndAnEntryCheckByHandWithOpensslAsTheReadmeShows() throws Exception {
		AuditCheckpoint checkpoint = this.checkpoints.writeNow(this.adminActor);
		String keyHex = ReadmeExamples.bash(
				ReadmeExamples.block("audit-key-hex", 0)
					.replace("KEYS=data/keys", "KEYS='" + this.key.file().getParent() + "'") + "\nprintf '%s' \"$KEY\"",
				null, "base64", "od");
		assertThat(keyHex).isEqualTo(HexFormat.of().formatHex(keyBytes()));

		String mac = ReadmeExamples.bash("KEY=" + keyHex + "\n" + AuditCheckpoints.opensslCommand(checkpoint), null,
				"openssl");
		assertThat(mac.strip()).isEqualTo(checkpoint.mac() + " *stdin");

		String query = ReadmeExamples.block("audit-entry-sql", 0).replace(":seq", Long.toString(checkpoint.seq()));
		String hashedBytes = this.jdbc.queryForObject(query.replaceAll(";\\s*$", ""), String.class);
		String entryHash = ReadmeExamples.bash(
				"base64 -d | openssl dgst -sha256 -mac HMAC -macopt \"hexkey:" + keyHex + "\" -r",
				hashedBytes.getBytes(StandardCharsets.US_ASCII), "openssl");
		assertThat(entryHash.strip()).isEqualTo(checkpoint.entryHash() + " *stdin");
	}

	private void record(int entries) {
		for (int i = 0; i < entries; i++) {
			int n = i;
			this.transactions.executeWithoutResult(
					(status) -> this.trail.record(AuditRecord.of("TEST_ENTRY").actor(this.adminActor).detail("n", n)));
		}
	}

	/**
	 * Rewrites the entries from the first on: its details changed, every hash recomputed
	 * with the hasher and linked; checks the verification, then puts the entries back.
	 */
	private void rewritten(List<AuditEntry> entries, BinaryOperator<String> hasher,
			java.util.function.Consumer<ChainVerification> check) {
		this.tampering.asOwner((db) -> {
			String previous = entries.get(0).previousHash();
			for (int i = 0; i < entries.size(); i++) {
				AuditEntry e = entries.get(i);
				String details = (i == 0) ? "{\"n\":\"rewritten\"}" : e.details();
				AuditEntry changed = new AuditEntry(e.seq(), e.occurredAt(), e.userId(), e.username(),
						e.organisationId(), e.action(), e.targetType(), e.targetId(), e.clientIp(), e.outcome(),
						details, previous, null);
				String hash = hasher.apply(previous, changed.canonicalContent());
				db.update("update audit_entry set details = ?, previous_hash = ?, entry_hash = ? where seq = ?",
						details, previous, hash, e.seq());
				previous = hash;
			}
		});
		try {
			check.accept(this.trail.verify());
		}
		finally {
			this.tampering.asOwner((db) -> entries.forEach((e) -> db.update(
					"update audit_entry set details = ?, previous_hash = ?, entry_hash = ? where seq = ?", e.details(),
					e.previousHash(), e.entryHash(), e.seq())));
		}
	}

	private static void insert(JdbcTemplate db, AuditEntry e) {
		db.update("""
				insert into audit_entry (seq, occurred_at, user_id, username, organisation_id, action, target_type,
				  target_id, client_ip, outcome, details, previous_hash, entry_hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", e.seq(), java.time.OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC), e.userId(),
				e.username(), e.organisationId(), e.action(), e.targetType(), e.targetId(), e.clientIp(),
				e.outcome().name(), e.details(), e.previousHash(), e.entryHash());
	}

	private byte[] keyBytes() throws Exception {
		return KeysetFiles.keyBytes(KeysetFiles.read(this.key.file()).getPrimary().getKey());
	}

	private static String hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<MimeMessage> mailsTo(String address) throws MessagingException {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			if (((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
				.equalsIgnoreCase(address)) {
				mails.add(message);
			}
		}
		return mails;
	}

}
