package jp.itaku.audit.web;

import java.time.LocalDate;

import jp.itaku.audit.AuditSearch;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit list's filters as entered: dates are Tokyo calendar days, both inclusive.
 */
public class AuditFilter {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	private @Nullable String username;

	private @Nullable String action;

	private @Nullable String targetType;

	private @Nullable String targetId;

	/**
	 * Returns the search these filters mean.
	 * @return the search, with the dates as instants from Tokyo midnight
	 */
	public AuditSearch toSearch() {
		return new AuditSearch((this.from != null) ? this.from.atStartOfDay(ItakuTime.ZONE).toInstant() : null,
				(this.to != null) ? this.to.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant() : null, this.username,
				this.action, this.targetType, this.targetId);
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getAction() {
		return this.action;
	}

	public void setAction(@Nullable String action) {
		this.action = action;
	}

	public @Nullable String getTargetType() {
		return this.targetType;
	}

	public void setTargetType(@Nullable String targetType) {
		this.targetType = targetType;
	}

	public @Nullable String getTargetId() {
		return this.targetId;
	}

	public void setTargetId(@Nullable String targetId) {
		this.targetId = targetId;
	}

}
