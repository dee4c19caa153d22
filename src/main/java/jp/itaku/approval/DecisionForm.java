package jp.itaku.approval;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The client's decision on an application, or the end of an approval: conditions and
 * validity for an approval (from the day of approval when no first day is given), a
 * reason for a rejection, a revocation or a withdrawal.
 */
public class DecisionForm {

	private @Nullable String conditions;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate validFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate validUntil;

	private @Nullable String reason;

	public @Nullable String getConditions() {
		return this.conditions;
	}

	public void setConditions(@Nullable String conditions) {
		this.conditions = conditions;
	}

	public @Nullable LocalDate getValidFrom() {
		return this.validFrom;
	}

	public void setValidFrom(@Nullable LocalDate validFrom) {
		this.validFrom = validFrom;
	}

	public @Nullable LocalDate getValidUntil() {
		return this.validUntil;
	}

	public void setValidUntil(@Nullable LocalDate validUntil) {
		this.validUntil = validUntil;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

}
