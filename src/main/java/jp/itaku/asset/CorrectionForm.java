package jp.itaku.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

/**
 * A correction of an asset: the event it corrects (the asset's current one), the
 * corrected state and why.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class CorrectionForm extends AssetItemForm {

	static final int REASON_MAX = 400;

	private UUID correctsId;

	private String reason;

	@Override
	public List<FieldProblem> problems(String prefix) {
		List<FieldProblem> problems = new ArrayList<>(super.problems(prefix));
		String text = clean(this.reason);
		if (text == null) {
			problems.add(new FieldProblem(prefix + "reason", "asset.error.reason"));
		}
		else if (text.length() > REASON_MAX) {
			problems.add(new FieldProblem(prefix + "reason", "asset.error.reason.tooLong", String.valueOf(REASON_MAX)));
		}
		return problems;
	}

	/**
	 * Fills a correction from an asset's current state.
	 * @param current the asset's current event
	 * @return the form
	 */
	public static CorrectionForm correcting(AssetEvent current) {
		CorrectionForm form = new CorrectionForm();
		AssetItemForm state = AssetItemForm.of(current);
		form.setKind(state.getKind());
		form.setDescription(state.getDescription());
		form.setImportant(state.isImportant());
		form.setPersonal(state.isPersonal());
		form.setMyNumber(state.isMyNumber());
		form.setQuantity(state.getQuantity());
		form.setStorage(state.getStorage());
		form.setStorageDetail(state.getStorageDetail());
		form.setHolderId(state.getHolderId());
		form.correctsId = current.getId();
		return form;
	}

	public UUID getCorrectsId() {
		return this.correctsId;
	}

	public void setCorrectsId(UUID correctsId) {
		this.correctsId = correctsId;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
