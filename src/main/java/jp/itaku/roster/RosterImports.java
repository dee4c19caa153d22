package jp.itaku.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.document.DocumentStore;
import jp.itaku.document.NoSuchDocumentException;
import jp.itaku.document.StoredObject;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.crypto.FieldEncryptor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Roster import: reads a file ({@link RosterFile}), checks every row against the roster's
 * rules and reports each problem by line in the reader's language ("3行目: 従事開始日 — …"), for
 * a preview the lead confirms; confirming stores every row in one transaction through
 * {@link Rosters#addAll}, or nothing at all.
 * <p>
 * Between preview and confirmation the rows wait in the document store as the named
 * object {@code pending-imports/<id>}, so that any node can confirm what another read.
 * They may hold a nationality, which never rests unencrypted: the object is the rows as
 * JSON encrypted with {@link FieldEncryptor}, bound to the id, the contract and the user
 * who uploaded them, so it opens for nobody else. A pending import is used once
 * (confirmed or cancelled, it is deleted), expires after {@link #PENDING_FOR}, and
 * expired ones are removed whenever a new one is held. The file itself is never kept.
 */
@Service
public class RosterImports {

	/** How long rows wait for confirmation. */
	static final Duration PENDING_FOR = Duration.ofHours(1);

	private static final String PENDING = "pending-imports/";

	private static final long MAX_PENDING_BYTES = 4 * RosterFile.MAX_BYTES;

	private final Contracts contracts;

	private final Rosters rosters;

	private final MessageSource messages;

	private final DocumentStore store;

	private final FieldEncryptor encryptor;

	private final JsonMapper json;

	private final Clock clock;

	RosterImports(Contracts contracts, Rosters rosters, MessageSource messages, DocumentStore store,
			FieldEncryptor encryptor, JsonMapper json, Clock clock) {
		this.contracts = contracts;
		this.rosters = rosters;
		this.messages = messages;
		this.store = store;
		this.encryptor = encryptor;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Reads and checks a file for a contract's roster; stores nothing.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param fileName the file's name, as uploaded
	 * @param content the file
	 * @return the rows and the problems found
	 * @throws AccessDeniedProblem when the actor does not keep the roster
	 */
	public ImportPreview preview(Actor actor, UUID contractId, @Nullable String fileName, byte[] content) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!this.rosters.mayEdit(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		boolean nationalityAsked = this.rosters.asksNationality(contract);
		RosterFile.Parsed parsed = RosterFile.read(content);
		List<String> report = new ArrayList<>();
		List<RosterFile.Problem> problems = new ArrayList<>(parsed.problems());
		List<PreviewRow> rows = new ArrayList<>();
		for (RosterFile.Entry entry : parsed.rows()) {
			List<RosterFile.Problem> ofRow = new ArrayList<>();
			for (FieldProblem problem : entry.form().problems(nationalityAsked)) {
				if (!entry.unreadable().contains(problem.field())) {
					ofRow.add(new RosterFile.Problem(entry.line(), problem.field(), problem.messageKey(),
							problem.arguments()));
				}
			}
			problems.addAll(ofRow);
			boolean faulty = !entry.unreadable().isEmpty() || !ofRow.isEmpty()
					|| parsed.problems().stream().anyMatch((p) -> p.line() == entry.line());
			rows.add(new PreviewRow(entry.line(), entry.form(), faulty));
		}
		problems.sort(Comparator.comparingInt(RosterFile.Problem::line));
		for (RosterFile.Problem problem : problems) {
			report.add(describe(problem));
		}
		return new ImportPreview(contractId, fileName, parsed.encoding(), parsed.headerLine(), parsed.blankLines(),
				parsed.ignoredColumns(), rows, report, nationalityAsked);
	}

	/**
	 * Stores the rows of a preview without problems, all or nothing.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param forms the rows
	 * @return the members added
	 */
	public List<RosterMember> confirm(Actor actor, UUID contractId, List<RosterMemberForm> forms) {
		return this.rosters.addAll(actor, contractId, forms);
	}

	/**
	 * Keeps the rows of a preview without problems until the actor confirms them, on any
	 * node, and removes pending imports that expired.
	 * @param actor the contractor's lead who uploaded them
	 * @param contractId the contract
	 * @param forms the rows
	 * @return the pending import's id, which the confirm form carries
	 */
	public String hold(Actor actor, UUID contractId, List<RosterMemberForm> forms) {
		Instant now = Instant.now(this.clock);
		removeExpired(now);
		String id = UUID.randomUUID().toString();
		String plaintext = this.json
			.writeValueAsString(new PendingImport(contractId, actor.userId(), now, new ArrayList<>(forms)));
		String ciphertext = this.encryptor.encrypt(plaintext, context(id, contractId, actor.userId()));
		this.store.putObject(PENDING + id, new ByteArrayInputStream(ciphertext.getBytes(StandardCharsets.US_ASCII)),
				MAX_PENDING_BYTES);
		return id;
	}

	/**
	 * Stores the rows of a pending import, all or nothing, and removes it.
	 * @param actor the contractor's lead who uploaded them
	 * @param contractId the contract
	 * @param pendingId the id {@link #hold} returned
	 * @return the members added
	 * @throws InvalidInputProblem on field {@code file} ({@code roster.import.expired})
	 * when there is no such pending import for this actor and contract, it was used or it
	 * expired; or as {@link Rosters#addAll} refuses the rows
	 */
	public List<RosterMember> confirm(Actor actor, UUID contractId, String pendingId) {
		PendingImport pending = take(actor, contractId, pendingId);
		return this.rosters.addAll(actor, contractId, pending.forms());
	}

	/**
	 * Discards a pending import of the actor.
	 * @param actor the contractor's lead who uploaded it
	 * @param contractId the contract
	 * @param pendingId the id {@link #hold} returned, or {@code null}
	 */
	public void cancel(Actor actor, UUID contractId, String pendingId) {
		if (pendingId != null && !pendingId.isBlank()) {
			try {
				take(actor, contractId, pendingId);
			}
			catch (InvalidInputProblem ex) {
				// nothing of the actor's to discard
			}
		}
	}

	private PendingImport take(Actor actor, UUID contractId, String pendingId) {
		String id = pendingId(pendingId);
		String ciphertext;
		try (InputStream in = this.store.openObject(PENDING + id)) {
			ciphertext = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (NoSuchDocumentException ex) {
			throw expired();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		PendingImport pending;
		try {
			pending = this.json.readValue(this.encryptor.decrypt(ciphertext, context(id, contractId, actor.userId())),
					PendingImport.class);
		}
		catch (IllegalStateException ex) {
			// Another user's or another contract's pending import: not theirs to see.
			throw expired();
		}
		if (!this.store.deleteObject(PENDING + id)
				|| pending.createdAt().plus(PENDING_FOR).isBefore(Instant.now(this.clock))) {
			throw expired();
		}
		return pending;
	}

	private void removeExpired(Instant now) {
		for (StoredObject object : this.store.listObjects(PENDING)) {
			if (object.lastModified().plus(PENDING_FOR).isBefore(now)) {
				this.store.deleteObject(object.name());
			}
		}
	}

	private static String pendingId(String value) {
		try {
			return UUID.fromString((value != null) ? value.strip() : "").toString();
		}
		catch (IllegalArgumentException ex) {
			throw expired();
		}
	}

	private static String context(String id, UUID contractId, UUID userId) {
		return "roster.pending_import:" + id + ":" + contractId + ":" + userId;
	}

	private static InvalidInputProblem expired() {
		return new InvalidInputProblem("file", "roster.import.expired");
	}

	/**
	 * Rows read and checked, waiting for the lead's confirmation in the document store
	 * (encrypted).
	 *
	 * @param contractId the contract
	 * @param userId who uploaded them
	 * @param createdAt when
	 * @param forms the rows
	 */
	record PendingImport(UUID contractId, UUID userId, Instant createdAt, List<RosterMemberForm> forms) {

		@Override
		public String toString() {
			return "PendingImport[" + this.contractId + ", " + this.forms.size() + " rows]";
		}

	}

	/**
	 * Describes one problem in the reader's language.
	 * @param problem the problem
	 * @return e.g. {@code 3行目: 従事開始日 — 日付として読めません（「2026/13/1」）。}
	 */
	@Nullable String describe(RosterFile.Problem problem) {
		String message = text(problem.messageKey(), problem.arguments());
		String column = (problem.field() != null) ? text("roster.field." + problem.field()) : null;
		if (problem.line() == 0) {
			return (column != null) ? text("roster.import.fileProblemColumn", column, message)
					: text("roster.import.fileProblem", message);
		}
		return (column != null) ? text("roster.import.rowProblem", problem.line(), column, message)
				: text("roster.import.rowProblemNoColumn", problem.line(), message);
	}

	private String text(String key, @Nullable Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = this.messages.getMessage(key, arguments, key, locale);
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

	/**
	 * A row as the preview shows it.
	 *
	 * @param line its line in the file
	 * @param form its values
	 * @param faulty whether a problem was found in it
	 */
	public record PreviewRow(int line, RosterMemberForm form, boolean faulty) {
	}

	/**
	 * What an uploaded file would add to the roster.
	 *
	 * @param contractId the contract
	 * @param fileName the file's name
	 * @param encoding the CSV file's encoding, or {@code null} for a workbook
	 * @param headerLine the line of the column names
	 * @param blankLines blank lines skipped
	 * @param ignoredColumns columns not read
	 * @param rows every row read
	 * @param problems every problem, by line, in the reader's language
	 * @param nationalityAsked whether the contract asks for nationality
	 */
	public record ImportPreview(UUID contractId, @Nullable String fileName, @Nullable String encoding, int headerLine,
			int blankLines, List<String> ignoredColumns, List<PreviewRow> rows, List<String> problems,
			boolean nationalityAsked) {

		public ImportPreview {
			Objects.requireNonNull(contractId);
		}

		/**
		 * Returns whether the file may be stored.
		 * @return {@code true} with rows and no problem
		 */
		public boolean valid() {
			return this.problems.isEmpty() && !this.rows.isEmpty();
		}

		/**
		 * Returns the rows' forms.
		 * @return the forms, in file order
		 */
		public List<RosterMemberForm> forms() {
			return this.rows.stream().map(PreviewRow::form).toList();
		}

	}

}
