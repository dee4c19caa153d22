package jp.itaku.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Roster import: reads a file ({@link RosterFile}), checks every row against the roster's
 * rules and reports each problem by line in the reader's language ("3行目: 従事開始日 — …"), for
 * a preview the lead confirms; confirming stores every row in one transaction through
 * {@link Rosters#addAll}, or nothing at all.
 */
@Service
public class RosterImports {

	private final Contracts contracts;

	private final Rosters rosters;

	private final MessageSource messages;

	RosterImports(Contracts contracts, Rosters rosters, MessageSource messages) {
		this.contracts = contracts;
		this.rosters = rosters;
		this.messages = messages;
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
	public ImportPreview preview(Actor actor, UUID contractId, String fileName, byte[] content) {
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
		problems.sort(java.util.Comparator.comparingInt(RosterFile.Problem::line));
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
	 * Describes one problem in the reader's language.
	 * @param problem the problem
	 * @return e.g. {@code 3行目: 従事開始日 — 日付として読めません（「2026/13/1」）。}
	 */
	String describe(RosterFile.Problem problem) {
		String message = text(problem.messageKey(), problem.arguments());
		String column = (problem.field() != null) ? text("roster.field." + problem.field()) : null;
		if (problem.line() == 0) {
			return (column != null) ? text("roster.import.fileProblemColumn", column, message)
					: text("roster.import.fileProblem", message);
		}
		return (column != null) ? text("roster.import.rowProblem", problem.line(), column, message)
				: text("roster.import.rowProblemNoColumn", problem.line(), message);
	}

	private String text(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, arguments, key, locale);
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
	public record ImportPreview(UUID contractId, String fileName, String encoding, int headerLine, int blankLines,
			List<String> ignoredColumns, List<PreviewRow> rows, List<String> problems, boolean nationalityAsked) {

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
