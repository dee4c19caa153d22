package jp.itaku.audit.web;

import java.time.LocalDate;

import jp.itaku.audit.AuditSearch;
import jp.itaku.platform.ItakuTime;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit list's filters as entered: dates are Tokyo calendar days, both inclusive.
 */
public class AuditFilter {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private String username;

	private String action;

	private String targetType;

	private String targetId;

	/**
	 * Returns the search these filters mean.
	 * @return the search, with the dates as instants from Tokyo midnight
	 */
	public AuditSearch toSearch() {
		return new AuditSearch((this.from != null) ? this.from.atStartOfDay(ItakuTime.ZONE).toInstant() : null,
				(this.to != null) ? this.to.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant() : null, this.username,
				this.action, this.targetType, this.targetId);
	}

	public LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return this.to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getTargetType() {
		return this.targetType;
	}

	public void setTargetType(String targetType) {
		this.targetType = targetType;
	}

	public String getTargetId() {
		return this.targetId;
	}

	public void setTargetId(String targetId) {
		this.targetId = targetId;
	}

}
