package jp.itaku.clientid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the client's officer records when issuing an ID, in the UI or the API: to whom,
 * which kind (an operator ID names the verification ID it hangs under), the ID itself,
 * the system or terminal it opens, the permissions, and the day it was issued.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class IssueIdForm {

	static final int MAX_VALUE = 64;

	private UUID memberId;

	private IdKind kind = IdKind.VERIFICATION;

	private UUID parentId;

	private String value;

	private String systemName;

	private String scopeNote;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate issuedOn;

	/**
	 * Checks what the form alone can tell; the service checks the rest against the roster
	 * and the IDs on record.
	 * @param today today in Tokyo
	 * @return the fields at fault, in form order; empty when valid
	 */
	public List<FieldProblem> problems(LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.memberId == null) {
			problems.add(new FieldProblem("memberId", "clientid.memberId.required"));
		}
		if (this.kind == null) {
			problems.add(new FieldProblem("kind", "clientid.kind.required"));
		}
		else if (this.kind == IdKind.OPERATOR && this.parentId == null) {
			problems.add(new FieldProblem("parentId", "clientid.parentId.required"));
		}
		String id = clean(this.value);
		if (id == null) {
			problems.add(new FieldProblem("value", "clientid.value.required"));
		}
		else if (id.length() > MAX_VALUE) {
			problems.add(new FieldProblem("value", "clientid.value.tooLong", MAX_VALUE));
		}
		else if (!id.codePoints().allMatch((c) -> c > 0x20 && c != 0x7f && !Character.isWhitespace(c))) {
			problems.add(new FieldProblem("value", "clientid.value.whitespace"));
		}
		String system = clean(this.systemName);
		if (system == null) {
			problems.add(new FieldProblem("systemName", "clientid.systemName.required"));
		}
		else if (system.length() > 200) {
			problems.add(new FieldProblem("systemName", "clientid.systemName.tooLong", 200));
		}
		String scope = clean(this.scopeNote);
		if (scope != null && scope.length() > 500) {
			problems.add(new FieldProblem("scopeNote", "clientid.scopeNote.tooLong", 500));
		}
		if (this.issuedOn == null) {
			problems.add(new FieldProblem("issuedOn", "clientid.issuedOn.required"));
		}
		else if (this.issuedOn.isAfter(today)) {
			problems.add(new FieldProblem("issuedOn", "clientid.issuedOn.future"));
		}
		return problems;
	}

	static @Nullable String clean(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public UUID getMemberId() {
		return this.memberId;
	}

	public void setMemberId(UUID memberId) {
		this.memberId = memberId;
	}

	public IdKind getKind() {
		return this.kind;
	}

	public void setKind(IdKind kind) {
		this.kind = kind;
	}

	public UUID getParentId() {
		return this.parentId;
	}

	public void setParentId(UUID parentId) {
		this.parentId = parentId;
	}

	public String getValue() {
		return this.value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	public String getSystemName() {
		return this.systemName;
	}

	public void setSystemName(String systemName) {
		this.systemName = systemName;
	}

	public String getScopeNote() {
		return this.scopeNote;
	}

	public void setScopeNote(String scopeNote) {
		this.scopeNote = scopeNote;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	public void setIssuedOn(LocalDate issuedOn) {
		this.issuedOn = issuedOn;
	}

}
