package jp.itaku.asset;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

/**
 * A receipt as entered: when (Tokyo time), who received it (a handover person on the
 * roster), which client officer handed it over, and the items.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class ReceiptForm {

	static final int HANDED_OVER_BY_MAX = 200;

	/** The most items one receipt lists (the form's rows). */
	public static final int MAX_ITEMS = 50;

	private LocalDateTime receivedAt;

	private UUID receiverId;

	private String handedOverBy;

	private List<AssetItemForm> items = new ArrayList<>(List.of(new AssetItemForm()));

	/**
	 * Returns the problems of the form's own fields and of every non-blank item; blank
	 * rows are ignored, and at least one item is needed.
	 * @return the problems, empty when the form is valid
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.receivedAt == null) {
			problems.add(new FieldProblem("receivedAt", "asset.error.receivedAt"));
		}
		if (this.receiverId == null) {
			problems.add(new FieldProblem("receiverId", "asset.error.receiver.required"));
		}
		String by = AssetItemForm.clean(this.handedOverBy);
		if (by == null) {
			problems.add(new FieldProblem("handedOverBy", "asset.error.handedOverBy"));
		}
		else if (by.length() > HANDED_OVER_BY_MAX) {
			problems.add(new FieldProblem("handedOverBy", "asset.error.handedOverBy.tooLong",
					String.valueOf(HANDED_OVER_BY_MAX)));
		}
		List<AssetItemForm> list = (this.items != null) ? this.items : List.of();
		if (list.size() > MAX_ITEMS) {
			problems.add(new FieldProblem("items", "input.tooManyRows", MAX_ITEMS));
			return problems;
		}
		boolean any = false;
		for (int i = 0; i < list.size(); i++) {
			AssetItemForm item = list.get(i);
			if (item == null || item.isBlank()) {
				continue;
			}
			any = true;
			problems.addAll(item.problems("items[" + i + "]."));
		}
		if (!any) {
			problems.add(new FieldProblem("items", "asset.error.items"));
		}
		return problems;
	}

	/**
	 * Returns the items entered, without blank rows.
	 * @return the items in order
	 */
	public List<AssetItemForm> enteredItems() {
		return (this.items != null) ? this.items.stream().filter((i) -> i != null && !i.isBlank()).toList() : List.of();
	}

	public LocalDateTime getReceivedAt() {
		return this.receivedAt;
	}

	public void setReceivedAt(LocalDateTime receivedAt) {
		this.receivedAt = receivedAt;
	}

	public UUID getReceiverId() {
		return this.receiverId;
	}

	public void setReceiverId(UUID receiverId) {
		this.receiverId = receiverId;
	}

	public String getHandedOverBy() {
		return this.handedOverBy;
	}

	public void setHandedOverBy(String handedOverBy) {
		this.handedOverBy = handedOverBy;
	}

	public List<AssetItemForm> getItems() {
		return this.items;
	}

	public void setItems(List<AssetItemForm> items) {
		this.items = items;
	}

}
