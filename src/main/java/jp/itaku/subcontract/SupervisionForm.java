package jp.itaku.subcontract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A supervision check as entered: date, method, result and findings (optional).
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class SupervisionForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate supervisedOn;

	private String method;

	private String result;

	private String findings;

	/**
	 * Returns the problems of the form, each naming its field.
	 * @return the problems, empty when valid
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.supervisedOn == null) {
			problems.add(new FieldProblem("supervisedOn", "subcontract.error.supervisedOn"));
		}
		String m = SubcontractForm.clean(this.method);
		if (m == null) {
			problems.add(new FieldProblem("method", "subcontract.error.method"));
		}
		else if (m.length() > 500) {
			problems.add(new FieldProblem("method", "subcontract.error.tooLong", 500));
		}
		String r = SubcontractForm.clean(this.result);
		if (r == null) {
			problems.add(new FieldProblem("result", "subcontract.error.result"));
		}
		else if (r.length() > SubcontractForm.TEXT) {
			problems.add(new FieldProblem("result", "subcontract.error.tooLong", SubcontractForm.TEXT));
		}
		String f = SubcontractForm.clean(this.findings);
		if (f != null && f.length() > SubcontractForm.TEXT) {
			problems.add(new FieldProblem("findings", "subcontract.error.tooLong", SubcontractForm.TEXT));
		}
		return problems;
	}

	public LocalDate getSupervisedOn() {
		return this.supervisedOn;
	}

	public void setSupervisedOn(LocalDate supervisedOn) {
		this.supervisedOn = supervisedOn;
	}

	public String getMethod() {
		return this.method;
	}

	public void setMethod(String method) {
		this.method = method;
	}

	public String getResult() {
		return this.result;
	}

	public void setResult(String result) {
		this.result = result;
	}

	public String getFindings() {
		return this.findings;
	}

	public void setFindings(String findings) {
		this.findings = findings;
	}

}
