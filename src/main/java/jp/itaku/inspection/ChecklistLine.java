package jp.itaku.inspection;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One line of an inspection's checklist: a requirement of the contract's profile (clause
 * reference and summary, copied when planned) and what the inspectors observed.
 */
@Entity
@Table(name = "inspection_line")
public class ChecklistLine {

	static final int NOTE_MAX = 2000;

	@Id
	private UUID id;

	@Column(name = "inspection_id", nullable = false, updatable = false)
	private UUID inspectionId;

	@Column(nullable = false, updatable = false)
	private int position;

	@Column(name = "clause_ref", nullable = false, updatable = false)
	private String clauseRef;

	@Column(nullable = false, updatable = false)
	private String summary;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LineResult result = LineResult.NOT_CHECKED;

	private @Nullable String note;

	@Version
	private @Nullable Long version;

	protected ChecklistLine() {
	}

	ChecklistLine(UUID inspectionId, int position, String clauseRef, String summary) {
		this.id = UUID.randomUUID();
		this.inspectionId = inspectionId;
		this.position = position;
		this.clauseRef = clauseRef;
		this.summary = summary;
	}

	/**
	 * Records the observation on this line.
	 * @param result conforming, finding or not checked
	 * @param note what was seen (optional)
	 * @throws jp.itaku.platform.InvalidInputProblem when the result is missing or the
	 * note too long
	 */
	void observe(@Nullable LineResult result, @Nullable String note) {
		if (result == null) {
			throw new InvalidInputProblem("result", "inspection.error.required.result");
		}
		this.note = Texts.optional("note", note, NOTE_MAX);
		this.result = result;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getInspectionId() {
		return this.inspectionId;
	}

	public int getPosition() {
		return this.position;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public String getSummary() {
		return this.summary;
	}

	public LineResult getResult() {
		return this.result;
	}

	public @Nullable String getNote() {
		return this.note;
	}

}
