package jp.itaku.backup;

import java.util.List;

/**
 * A backup set that is not restored, with the reasons: nothing was changed.
 */
class BackupRefused extends RuntimeException {

	private final List<String> reasons;

	BackupRefused(String message, List<String> reasons) {
		super(message + ": " + String.join("; ", reasons));
		this.reasons = List.copyOf(reasons);
	}

	/**
	 * Returns why the set was refused.
	 * @return the reasons, one per problem
	 */
	public List<String> reasons() {
		return this.reasons;
	}

}
