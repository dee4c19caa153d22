package jp.itaku.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.audit.ChainVerification;
import jp.itaku.document.DocumentStore;
import jp.itaku.document.NoSuchDocumentException;
import jp.itaku.document.StoredDocument;
import jp.itaku.platform.crypto.FieldEncryptor;
import jp.itaku.platform.database.DatabaseCopy;
import jp.itaku.platform.database.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backs up and restores one consistent set: the database (embedded: an online physical
 * backup while the node serves; external: {@code pg_dump}, by the operator), then the
 * document store's documents and named objects, and a manifest with every file's size and
 * SHA-256 and the keyset's fingerprint. The documents are copied after the database, so
 * every document the copied database refers to is in the set (documents are never
 * changed, only added). A restore first checks the whole set and the keyset, then
 * replaces the data; {@link #verify} then shows that the restored data is whole.
 */
@Service
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final DocumentStore store;

	private final FieldEncryptor encryptor;

	private final ObjectProvider<EmbeddedDatabase> embedded;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ObjectProvider<Flyway> flyway;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Backups(DocumentStore store, FieldEncryptor encryptor, ObjectProvider<EmbeddedDatabase> embedded, JdbcClient jdbc,
			AuditTrail audit, ObjectProvider<Flyway> flyway, JsonMapper json, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.store = store;
		this.encryptor = encryptor;
		this.embedded = embedded;
		this.jdbc = jdbc;
		this.audit = audit;
		this.flyway = flyway;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
		this.clock = clock;
	}

	/**
	 * Tells whether the database is the embedded one (backed up in the set) rather than
	 * an external server (backed up with {@code pg_dump}).
	 * @return whether it is embedded
	 */
	public boolean isEmbedded() {
		return this.embedded.getIfAvailable() != null;
	}

	/**
	 * Writes a backup set.
	 * @param target an empty or missing directory, outside the data directory
	 * @return the set's manifest
	 * @throws IllegalArgumentException when the directory is not empty or lies in the
	 * database's data directory
	 */
	public BackupManifest backUp(Path target) {
		Path dir = target.toAbsolutePath().normalize();
		checkEmpty(dir);
		EmbeddedDatabase database = this.embedded.getIfAvailable();
		if (database != null && dir.startsWith(database.dataDirectory())) {
			throw new IllegalArgumentException("A backup cannot be written into the data directory " + dir);
		}
		try {
			Files.createDirectories(dir);
			BackupManifest.Database copied = null;
			if (database != null) {
				DatabaseCopy copy = database.backUp(dir.resolve("database"));
				copied = new BackupManifest.Database(copy.serverVersion(), copy.startLsn(), copy.stopLsn(),
						copy.files()
							.stream()
							.map((f) -> new BackupManifest.Entry(f.path(), f.size(), f.sha256()))
							.toList());
			}
			List<BackupManifest.Entry> documents = new ArrayList<>();
			for (String key : everyDocument()) {
				BackupManifest.Entry entry;
				try (InputStream in = this.store.open(key)) {
					entry = copy(in, dir.resolve("documents").resolve(key.substring(0, 2)).resolve(key), key);
				}
				if (!entry.sha256().equals(key)) {
					throw new IllegalStateException("The stored document " + key + " does not match its SHA-256 ("
							+ entry.sha256() + "): the document store is damaged");
				}
				documents.add(entry);
			}
			List<BackupManifest.Entry> objects = new ArrayList<>();
			for (var object : this.store.listObjects("")) {
				try (InputStream in = this.store.openObject(object.name())) {
					objects.add(copy(in, dir.resolve("objects").resolve(object.name()), object.name()));
				}
				catch (NoSuchDocumentException ex) {
					// removed since it was listed: work that ended meanwhile
				}
			}
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now(this.clock),
					(database != null) ? "embedded" : "external", this.encryptor.fingerprint(), schemaVersion(), copied,
					documents, objects);
			writeManifest(dir, manifest);
			AuditRecord created = AuditRecord.of("BACKUP_CREATED")
				.target("Backup", dir.getFileName().toString())
				.detail("mode", manifest.mode())
				.detail("documents", documents.size())
				.detail("objects", objects.size())
				.detail("databaseFiles", (copied != null) ? copied.files().size() : 0)
				.detail("keysetFingerprint", manifest.keysetFingerprint());
			this.transactions.executeWithoutResult((status) -> this.audit.record(created));
			return manifest;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the backup into " + dir, ex);
		}
	}

	/**
	 * Restores a backup set: checks every file of the set against the manifest and the
	 * keyset's fingerprint against this node's, and refuses before anything changes when
	 * one differs; then replaces the embedded database's data directory (the former one
	 * is moved aside, see {@link EmbeddedDatabase#restore}), stores the documents the
	 * store lacks, and makes the named objects those of the set. Only in the restore
	 * command's context, with the node stopped (embedded mode), or after the database was
	 * restored with {@code pg_restore} (external mode).
	 * @param source the set's directory
	 * @return what was restored
	 * @throws BackupRefused when the set is incomplete or damaged, or the keyset differs
	 */
	public Restored restore(Path source) {
		Path dir = source.toAbsolutePath().normalize();
		BackupManifest manifest = readManifest(dir);
		List<String> problems = check(dir, manifest);
		if (!problems.isEmpty()) {
			throw new BackupRefused("The backup set in " + dir + " is damaged or incomplete", problems);
		}
		// The keyset must hold the key the backup was made with (its primary key then; a
		// keyset rotated since still holds it until retire-keys).
		if (!this.encryptor.holdsKey(manifest.keysetFingerprint())) {
			throw new BackupRefused("The backup was made with another field-encryption keyset",
					List.of("backup: " + manifest.keysetFingerprint(), "this node: " + this.encryptor.fingerprint(),
							"restore the keyset the data was encrypted with (itaku.crypto.keyset-file) first"));
		}
		EmbeddedDatabase database = this.embedded.getIfAvailable();
		if (manifest.database() != null && database == null) {
			throw new BackupRefused("The set holds an embedded database, but this node uses an external server",
					List.of("restore it on a node with the embedded database, or move the data with "
							+ "pg_dump/pg_restore (see the README)"));
		}
		if (manifest.database() != null && database != null && !database.canRestore()) {
			throw new BackupRefused("A data directory is restored only by the restore command, with the node stopped",
					List.of("java -jar itaku.jar --itaku.command=restore --from=" + dir));
		}
		if (manifest.database() == null && database != null) {
			throw new BackupRefused("The set holds no database (an external server's backup)",
					List.of("restore the database with pg_restore into the external server first (see the README)"));
		}
		int added = 0;
		for (BackupManifest.Entry document : manifest.documents()) {
			if (!this.store.exists(document.name())) {
				try (InputStream in = Files.newInputStream(documentPath(dir, document.name()))) {
					StoredDocument stored = this.store.store(in, document.size());
					if (!stored.sha256().equals(document.name())) {
						throw new IllegalStateException(
								"Document " + document.name() + " was stored as " + stored.sha256());
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				added++;
			}
		}
		Path aside = null;
		if (manifest.database() != null && database != null) {
			aside = database.restore(dir.resolve("database"), STAMP.format(Instant.now(this.clock)));
		}
		Set<String> kept = manifest.objects().stream().map(BackupManifest.Entry::name).collect(Collectors.toSet());
		int removed = 0;
		for (var object : this.store.listObjects("")) {
			if (!kept.contains(object.name())) {
				this.store.deleteObject(object.name());
				removed++;
			}
		}
		for (BackupManifest.Entry object : manifest.objects()) {
			try (InputStream in = Files.newInputStream(dir.resolve("objects").resolve(object.name()))) {
				this.store.putObject(object.name(), in, object.size());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		log.info("Restored the backup of {} from {}", manifest.createdAt(), dir);
		return new Restored(manifest, aside, added, manifest.documents().size() - added, manifest.objects().size(),
				removed);
	}

	/**
	 * Checks that the data is whole: the audit chain verifies, every document the
	 * database refers to is in the store and opens with its SHA-256, and every encrypted
	 * field decrypts with this node's keyset.
	 * @return the checks' results
	 */
	public Verification verify() {
		ChainVerification chain = this.audit.verify();
		long documents = 0;
		List<String> documentProblems = new ArrayList<>();
		for (String key : referencedDocuments()) {
			if (!this.store.exists(key)) {
				documentProblems.add(key + " is missing");
				continue;
			}
			try (InputStream in = this.store.open(key)) {
				String sha256 = sha256(in);
				if (!sha256.equals(key)) {
					documentProblems.add(key + " has SHA-256 " + sha256);
				}
			}
			catch (IOException ex) {
				documentProblems.add(key + " cannot be read: " + ex.getMessage());
			}
			documents++;
		}
		long fields = 0;
		List<String> fieldProblems = new ArrayList<>();
		for (Map.Entry<String, String> column : encryptedColumns().entrySet()) {
			String table = column.getKey().substring(0, column.getKey().indexOf('.'));
			String name = column.getValue();
			String context = column.getKey().substring(0, column.getKey().length() - "_ciphertext".length());
			List<Map.Entry<String, String>> rows = this.jdbc
				.sql("select id::text, " + name + " from " + table + " where " + name + " is not null")
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list();
			for (Map.Entry<String, String> row : rows) {
				try {
					this.encryptor.decrypt(row.getValue(), context + ":" + row.getKey());
				}
				catch (IllegalStateException ex) {
					fieldProblems.add(context + " of " + row.getKey() + " does not decrypt");
				}
				fields++;
			}
		}
		return new Verification(chain, documents, documentProblems, fields, fieldProblems);
	}

	/**
	 * Records in the audit trail that a restore was completed and verified.
	 * @param source the set's directory
	 * @param verification the verification of the restored data
	 */
	public void recordRestore(Path source, Verification verification) {
		BackupManifest manifest = readManifest(source.toAbsolutePath().normalize());
		this.transactions.executeWithoutResult((status) -> this.audit.record(AuditRecord.of("BACKUP_RESTORED")
			.target("Backup", source.toAbsolutePath().normalize().getFileName().toString())
			.detail("backupCreatedAt", manifest.createdAt().toString())
			.detail("mode", manifest.mode())
			.detail("auditEntries", verification.chain().entries())
			.detail("documents", verification.documents())
			.detail("encryptedFields", verification.encryptedFields())
			.detail("whole", verification.whole())));
	}

	/**
	 * Every document key the database refers to: the values of the 64-hex-character keys
	 * in the columns named {@code *_key} (document keys are their content's SHA-256).
	 */
	/**
	 * Every stored document's key, in key order, read from the store a page at a time.
	 */
	private List<String> everyDocument() {
		List<String> keys = new ArrayList<>();
		String after = null;
		while (true) {
			var page = this.store.listDocuments(after, 1000);
			page.forEach((document) -> keys.add(document.name()));
			if (page.size() < 1000) {
				return keys;
			}
			after = page.get(page.size() - 1).name();
		}
	}

	private List<String> referencedDocuments() {
		List<Map.Entry<String, String>> columns = this.jdbc
			.sql("""
					select c.table_name, c.column_name from information_schema.columns c
					join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
					where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name like '%\\_key'
					  and c.data_type in ('character varying', 'text', 'character')
					  and not exists (select from pg_inherits i where i.inhrelid = ('public.' || quote_ident(c.table_name))::regclass)
					order by 1, 2
					""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list();
		Set<String> keys = new TreeSet<>();
		for (Map.Entry<String, String> column : columns) {
			keys.addAll(this.jdbc
				.sql("select distinct " + column.getValue() + " from " + column.getKey() + " where " + column.getValue()
						+ " ~ '^[0-9a-f]{64}$'")
				.query(String.class)
				.list());
		}
		return List.copyOf(keys);
	}

	/**
	 * The encrypted columns ({@code <field>_ciphertext} of a table with an {@code id}),
	 * by {@code
	 *
	<table>
	 * .<column>}: each value is encrypted for the context {@code
	 *
	<table>
	 * .<field>:<id>}.
	 */
	private Map<String, String> encryptedColumns() {
		Map<String, String> columns = new TreeMap<>();
		this.jdbc.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				where c.table_schema = 'public' and c.column_name like '%\\_ciphertext'
				  and exists (select from information_schema.columns i where i.table_schema = 'public'
				    and i.table_name = c.table_name and i.column_name = 'id')
				""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach((column) -> columns.put(column.getKey() + "." + column.getValue(), column.getValue()));
		return columns;
	}

	private List<String> check(Path dir, BackupManifest manifest) {
		List<String> problems = new ArrayList<>();
		if (!BackupManifest.FORMAT.equals(manifest.format())) {
			problems.add("unknown format " + manifest.format());
			return problems;
		}
		if (manifest.database() != null) {
			for (BackupManifest.Entry file : manifest.database().files()) {
				checkFile(dir.resolve("database"), file, problems);
			}
		}
		for (BackupManifest.Entry document : manifest.documents()) {
			documentPath(dir, document.name());
			checkFile(dir.resolve("documents").resolve(document.name().substring(0, 2)), document, problems);
			if (!document.name().equals(document.sha256())) {
				problems.add("document " + document.name() + " is listed with SHA-256 " + document.sha256());
			}
		}
		for (BackupManifest.Entry object : manifest.objects()) {
			checkFile(dir.resolve("objects"), object, problems);
		}
		return problems;
	}

	private static void checkFile(Path base, BackupManifest.Entry entry, List<String> problems) {
		Path file = base.resolve(entry.name()).normalize();
		if (!file.startsWith(base)) {
			problems.add(entry.name() + ": not a path in the set");
			return;
		}
		try {
			if (!Files.isRegularFile(file)) {
				problems.add(entry.name() + " is missing");
				return;
			}
			if (Files.size(file) != entry.size()) {
				problems.add(entry.name() + " has " + Files.size(file) + " bytes, not " + entry.size());
				return;
			}
			try (InputStream in = Files.newInputStream(file)) {
				if (!sha256(in).equals(entry.sha256())) {
					problems.add(entry.name() + " does not match its SHA-256");
				}
			}
		}
		catch (IOException ex) {
			problems.add(entry.name() + " cannot be read: " + ex.getMessage());
		}
	}

	private static Path documentPath(Path dir, String key) {
		if (!key.matches("[0-9a-f]{64}")) {
			throw new BackupRefused("The backup set lists an invalid document key", List.of(key));
		}
		return dir.resolve("documents").resolve(key.substring(0, 2)).resolve(key);
	}

	BackupManifest readManifest(Path dir) {
		Path file = dir.resolve(BackupManifest.FILE);
		if (!Files.isRegularFile(file)) {
			throw new BackupRefused("No backup set in " + dir, List.of(BackupManifest.FILE
					+ " is missing: the directory is not a backup set, or its backup did not finish"));
		}
		try {
			return this.json.readValue(Files.readString(file, StandardCharsets.UTF_8), BackupManifest.class);
		}
		catch (IOException | RuntimeException ex) {
			throw new BackupRefused("The manifest of " + dir + " cannot be read", List.of(ex.getMessage()));
		}
	}

	private void writeManifest(Path dir, BackupManifest manifest) throws IOException {
		Path part = dir.resolve(BackupManifest.FILE + ".part");
		byte[] bytes = this.json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
		try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			out.write(ByteBuffer.wrap(bytes));
			out.force(true);
		}
		Files.move(part, dir.resolve(BackupManifest.FILE), StandardCopyOption.ATOMIC_MOVE);
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			log.debug("Cannot sync {}", dir);
		}
	}

	private @Nullable String schemaVersion() {
		Flyway migrations = this.flyway.getIfAvailable();
		if (migrations == null) {
			return null;
		}
		MigrationInfo current = migrations.info().current();
		return (current != null && current.getVersion() != null) ? current.getVersion().getVersion() : null;
	}

	private static void checkEmpty(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		if (!Files.isDirectory(dir)) {
			throw new IllegalArgumentException(dir + " is not a directory");
		}
		try (Stream<Path> entries = Files.list(dir)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalArgumentException(dir + " is not empty: a backup needs an empty or new directory");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BackupManifest.Entry copy(InputStream in, Path to, String name) throws IOException {
		Files.createDirectories(to.getParent());
		MessageDigest digest = digest();
		long size = 0;
		try (FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
				ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
				while (bytes.hasRemaining()) {
					out.write(bytes);
				}
				size += read;
			}
			out.force(true);
		}
		return new BackupManifest.Entry(name, size, HexFormat.of().formatHex(digest.digest()));
	}

	private static String sha256(InputStream in) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[1 << 16];
		int read;
		while ((read = in.read(buffer)) != -1) {
			digest.update(buffer, 0, read);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * What a restore did.
	 *
	 * @param manifest the set's manifest
	 * @param formerDataDirectory where the former data directory was moved, or
	 * {@code null}
	 * @param documentsAdded documents the store lacked
	 * @param documentsPresent documents the store already held
	 * @param objects named objects written
	 * @param objectsRemoved named objects removed because the set does not hold them
	 */
	public record Restored(BackupManifest manifest, @Nullable Path formerDataDirectory, int documentsAdded,
			int documentsPresent, int objects, int objectsRemoved) {
	}

	/**
	 * The checks of {@link #verify}.
	 *
	 * @param chain the audit chain's verification
	 * @param documents how many referenced documents were checked
	 * @param documentProblems the documents missing or not matching their SHA-256
	 * @param encryptedFields how many encrypted fields were decrypted
	 * @param fieldProblems the fields that did not decrypt
	 */
	public record Verification(ChainVerification chain, long documents, List<String> documentProblems,
			long encryptedFields, List<String> fieldProblems) {

		/**
		 * Tells whether every check held.
		 * @return whether the data is whole
		 */
		public boolean whole() {
			return this.chain.intact() && this.documentProblems.isEmpty() && this.fieldProblems.isEmpty();
		}

	}

}
