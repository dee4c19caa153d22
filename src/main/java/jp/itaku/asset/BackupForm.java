package jp.itaku.asset;

import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.ItakuProblem.FieldProblem;

/**
 * The declaration of a contract's operational backups as entered.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class BackupForm {

	private String description;

	private String storage;

	private String retention;

	/**
	 * Returns the problems, each naming its field.
	 * @return the problems
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		check(problems, "description", this.description, 400);
		check(problems, "storage", this.storage, 200);
		check(problems, "retention", this.retention, 200);
		return problems;
	}

	private static void check(List<FieldProblem> problems, String field, String value, int max) {
		String text = AssetItemForm.clean(value);
		if (text == null) {
			problems.add(new FieldProblem(field, "asset.backup.error." + field));
		}
		else if (text.length() > max) {
			problems.add(new FieldProblem(field, "asset.request.error.tooLong", String.valueOf(max)));
		}
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getStorage() {
		return this.storage;
	}

	public void setStorage(String storage) {
		this.storage = storage;
	}

	public String getRetention() {
		return this.retention;
	}

	public void setRetention(String retention) {
		this.retention = retention;
	}

}
