package jp.itaku.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The client's plan of an audit or inspection: kind, scope, day, inspectors, the party
 * inspected (Setagaya 33: none chosen is the contractor itself; a level of the
 * subcontracting chain, {@code inspectedLevel}, and the approved subcontractor there,
 * {@code inspectedSubcontractor}, needed where several sit at that level), and the
 * checklist lines kept (their requirement keys; {@code null} keeps every line the profile
 * offers).
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class InspectionForm {

	private InspectionKind kind;

	private String scope;

	private LocalDate heldOn;

	private String inspectors;

	private @Nullable Integer inspectedLevel;

	private @Nullable UUID inspectedSubcontractor;

	private List<String> lines;

	public InspectionKind getKind() {
		return this.kind;
	}

	public void setKind(InspectionKind kind) {
		this.kind = kind;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public String getInspectors() {
		return this.inspectors;
	}

	public void setInspectors(String inspectors) {
		this.inspectors = inspectors;
	}

	public @Nullable Integer getInspectedLevel() {
		return this.inspectedLevel;
	}

	public void setInspectedLevel(@Nullable Integer inspectedLevel) {
		this.inspectedLevel = inspectedLevel;
	}

	public @Nullable UUID getInspectedSubcontractor() {
		return this.inspectedSubcontractor;
	}

	public void setInspectedSubcontractor(@Nullable UUID inspectedSubcontractor) {
		this.inspectedSubcontractor = inspectedSubcontractor;
	}

	public List<String> getLines() {
		return this.lines;
	}

	public void setLines(List<String> lines) {
		this.lines = lines;
	}

}
