package jp.itaku.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * One asset as entered: on a receipt (one row per item) or in a correction.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class AssetItemForm {

	static final int DESCRIPTION_MAX = 200;

	static final int DETAIL_MAX = 200;

	static final int QUANTITY_MAX = 99_999;

	private AssetKind kind;

	private String description;

	private boolean important;

	private boolean personal;

	private boolean myNumber;

	private Integer quantity = 1;

	private StorageLocation storage;

	private @Nullable String storageDetail;

	private UUID holderId;

	/**
	 * Returns the problems of this item, its fields prefixed.
	 * @param prefix the path of the item ({@code items[0].}, or empty)
	 * @return the problems, empty when the item is valid
	 */
	public List<FieldProblem> problems(String prefix) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.kind == null) {
			problems.add(new FieldProblem(prefix + "kind", "asset.error.kind"));
		}
		String text = clean(this.description);
		if (text == null) {
			problems.add(new FieldProblem(prefix + "description", "asset.error.description"));
		}
		else if (text.length() > DESCRIPTION_MAX) {
			problems.add(new FieldProblem(prefix + "description", "asset.error.description.tooLong",
					String.valueOf(DESCRIPTION_MAX)));
		}
		if (this.quantity == null || this.quantity < 1 || this.quantity > QUANTITY_MAX) {
			problems.add(new FieldProblem(prefix + "quantity", "asset.error.quantity", String.valueOf(QUANTITY_MAX)));
		}
		if (this.storage == null) {
			problems.add(new FieldProblem(prefix + "storage", "asset.error.storage"));
		}
		String detail = clean(this.storageDetail);
		if (this.storage == StorageLocation.OTHER && detail == null) {
			problems.add(new FieldProblem(prefix + "storageDetail", "asset.error.storageDetail"));
		}
		else if (detail != null && detail.length() > DETAIL_MAX) {
			problems.add(new FieldProblem(prefix + "storageDetail", "asset.error.storageDetail.tooLong",
					String.valueOf(DETAIL_MAX)));
		}
		return problems;
	}

	/**
	 * Returns whether the item holds personal information: always when it holds My Number
	 * (個人番号は個人情報でもある).
	 * @return {@code true} when personal information is held
	 */
	public boolean holdsPersonalInformation() {
		return this.personal || this.myNumber;
	}

	/**
	 * Returns whether nothing was entered in this row (an added row left empty).
	 * @return {@code true} when the row is blank
	 */
	public boolean isBlank() {
		return this.kind == null && clean(this.description) == null && this.storage == null
				&& clean(this.storageDetail) == null && !this.important && !this.personal && !this.myNumber;
	}

	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/**
	 * Fills a form from an asset's current state.
	 * @param event the asset's current event
	 * @return the form
	 */
	public static AssetItemForm of(AssetEvent event) {
		AssetItemForm form = new AssetItemForm();
		form.kind = event.getKind();
		form.description = event.getDescription();
		form.important = event.isImportant();
		form.personal = event.isPersonal();
		form.myNumber = event.isMyNumber();
		form.quantity = event.getQuantity();
		form.storage = event.getStorage();
		form.storageDetail = event.getStorageDetail();
		form.holderId = event.getHolderId();
		return form;
	}

	public AssetKind getKind() {
		return this.kind;
	}

	public void setKind(AssetKind kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isImportant() {
		return this.important;
	}

	public void setImportant(boolean important) {
		this.important = important;
	}

	public boolean isPersonal() {
		return this.personal;
	}

	public void setPersonal(boolean personal) {
		this.personal = personal;
	}

	public boolean isMyNumber() {
		return this.myNumber;
	}

	public void setMyNumber(boolean myNumber) {
		this.myNumber = myNumber;
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public StorageLocation getStorage() {
		return this.storage;
	}

	public void setStorage(StorageLocation storage) {
		this.storage = storage;
	}

	public @Nullable String getStorageDetail() {
		return this.storageDetail;
	}

	public void setStorageDetail(@Nullable String storageDetail) {
		this.storageDetail = storageDetail;
	}

	public UUID getHolderId() {
		return this.holderId;
	}

	public void setHolderId(UUID holderId) {
		this.holderId = holderId;
	}

}
