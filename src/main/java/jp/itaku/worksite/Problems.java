package jp.itaku.worksite;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Problems of imported rows: the row's own problem, prefixed with its line ("3行目: …").
 */
final class Problems {

	private Problems() {
	}

	/**
	 * Puts a problem on a line of an imported file.
	 * @param line the line, from 1
	 * @param problem the problem of the row
	 * @return the problem, its message prefixed with the line
	 */
	static FieldProblem atRow(int line, FieldProblem problem) {
		return new FieldProblem("row" + line, "worksite.import.atRow", String.valueOf(line),
				new DefaultMessageSourceResolvable(new String[] { problem.messageKey() }, problem.arguments(),
						problem.messageKey()));
	}

}
