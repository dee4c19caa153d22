package jp.itaku.asset;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

/**
 * An application to the client, as entered: what for, which assets, and what the type of
 * request needs — copies for a copy; destination, times, the person and the protection
 * measures for a take-out; the item and the site for a bring-in; method, planned date and
 * any third party for a disposal or a return.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class AssetRequestForm {

	static final int TEXT_MAX = 400;

	static final int SHORT_MAX = 200;

	static final int COPIES_MAX = 99;

	private RequestType type;

	private String purpose;

	private List<UUID> assetIds = new ArrayList<>();

	private Integer copies;

	private String destination;

	private LocalDateTime plannedStart;

	private LocalDateTime plannedEnd;

	private UUID personId;

	private boolean encrypted;

	private boolean passwordProtected;

	private boolean lockedContainer;

	private String otherMeasures;

	private String itemDescription;

	private BringInKind itemKind;

	private DisposalMethod method;

	private String thirdParty;

	private boolean includeBackups;

	/**
	 * Returns the problems of the form for its type, each naming its field.
	 * @return the problems, empty when the form is valid
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.type == null) {
			problems.add(new FieldProblem("type", "asset.request.error.type"));
			return problems;
		}
		text(problems, "purpose", this.purpose, TEXT_MAX, true);
		if (this.plannedStart == null) {
			problems.add(new FieldProblem("plannedStart", "asset.request.error.plannedStart"));
		}
		int items = (this.assetIds != null) ? (int) this.assetIds.stream().filter(Objects::nonNull).count() : 0;
		switch (this.type) {
			case COPY -> {
				if (items != 1) {
					problems.add(new FieldProblem("assetIds", "asset.request.error.copy.oneAsset"));
				}
				if (this.copies == null || this.copies < 1 || this.copies > COPIES_MAX) {
					problems.add(new FieldProblem("copies", "asset.request.error.copies", String.valueOf(COPIES_MAX)));
				}
			}
			case TAKE_OUT -> {
				if (items == 0) {
					problems.add(new FieldProblem("assetIds", "asset.request.error.assets"));
				}
				text(problems, "destination", this.destination, SHORT_MAX, true);
				end(problems);
				if (this.personId == null) {
					problems.add(new FieldProblem("personId", "asset.request.error.person"));
				}
				text(problems, "otherMeasures", this.otherMeasures, SHORT_MAX, false);
			}
			case BRING_IN -> {
				text(problems, "itemDescription", this.itemDescription, SHORT_MAX, true);
				if (this.itemKind == null) {
					problems.add(new FieldProblem("itemKind", "asset.request.error.itemKind"));
				}
				text(problems, "destination", this.destination, SHORT_MAX, true);
				end(problems);
				if (this.personId == null) {
					problems.add(new FieldProblem("personId", "asset.request.error.person"));
				}
				text(problems, "otherMeasures", this.otherMeasures, SHORT_MAX, false);
			}
			case DISPOSAL, RETURN -> {
				if (items == 0 && !(this.type == RequestType.DISPOSAL && this.includeBackups)) {
					problems.add(new FieldProblem("assetIds", "asset.request.error.assets"));
				}
				if (this.method == null || this.method.isForReturn() != (this.type == RequestType.RETURN)) {
					problems.add(new FieldProblem("method", "asset.request.error.method"));
				}
				text(problems, "thirdParty", this.thirdParty, SHORT_MAX, false);
			}
		}
		return problems;
	}

	private void end(List<FieldProblem> problems) {
		if (this.plannedEnd == null) {
			problems.add(new FieldProblem("plannedEnd", "asset.request.error.plannedEnd"));
		}
		else if (this.plannedStart != null && !this.plannedEnd.isAfter(this.plannedStart)) {
			problems.add(new FieldProblem("plannedEnd", "asset.request.error.plannedEnd.order"));
		}
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		String text = AssetItemForm.clean(value);
		if (text == null && required) {
			problems.add(new FieldProblem(field, "asset.request.error." + field));
		}
		else if (text != null && text.length() > max) {
			problems.add(new FieldProblem(field, "asset.request.error.tooLong", String.valueOf(max)));
		}
	}

	/**
	 * Returns the assets listed, without blanks or repeats, in the order given.
	 * @return the asset ids
	 */
	public List<UUID> items() {
		return (this.assetIds != null) ? this.assetIds.stream().filter(Objects::nonNull).distinct().toList()
				: List.of();
	}

	public RequestType getType() {
		return this.type;
	}

	public void setType(RequestType type) {
		this.type = type;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(String purpose) {
		this.purpose = purpose;
	}

	public List<UUID> getAssetIds() {
		return this.assetIds;
	}

	public void setAssetIds(List<UUID> assetIds) {
		this.assetIds = assetIds;
	}

	public Integer getCopies() {
		return this.copies;
	}

	public void setCopies(Integer copies) {
		this.copies = copies;
	}

	public String getDestination() {
		return this.destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

	public LocalDateTime getPlannedStart() {
		return this.plannedStart;
	}

	public void setPlannedStart(LocalDateTime plannedStart) {
		this.plannedStart = plannedStart;
	}

	public LocalDateTime getPlannedEnd() {
		return this.plannedEnd;
	}

	public void setPlannedEnd(LocalDateTime plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

	public UUID getPersonId() {
		return this.personId;
	}

	public void setPersonId(UUID personId) {
		this.personId = personId;
	}

	public boolean isEncrypted() {
		return this.encrypted;
	}

	public void setEncrypted(boolean encrypted) {
		this.encrypted = encrypted;
	}

	public boolean isPasswordProtected() {
		return this.passwordProtected;
	}

	public void setPasswordProtected(boolean passwordProtected) {
		this.passwordProtected = passwordProtected;
	}

	public boolean isLockedContainer() {
		return this.lockedContainer;
	}

	public void setLockedContainer(boolean lockedContainer) {
		this.lockedContainer = lockedContainer;
	}

	public String getOtherMeasures() {
		return this.otherMeasures;
	}

	public void setOtherMeasures(String otherMeasures) {
		this.otherMeasures = otherMeasures;
	}

	public String getItemDescription() {
		return this.itemDescription;
	}

	public void setItemDescription(String itemDescription) {
		this.itemDescription = itemDescription;
	}

	public BringInKind getItemKind() {
		return this.itemKind;
	}

	public void setItemKind(BringInKind itemKind) {
		this.itemKind = itemKind;
	}

	public DisposalMethod getMethod() {
		return this.method;
	}

	public void setMethod(DisposalMethod method) {
		this.method = method;
	}

	public String getThirdParty() {
		return this.thirdParty;
	}

	public void setThirdParty(String thirdParty) {
		this.thirdParty = thirdParty;
	}

	public boolean isIncludeBackups() {
		return this.includeBackups;
	}

	public void setIncludeBackups(boolean includeBackups) {
		this.includeBackups = includeBackups;
	}

}
