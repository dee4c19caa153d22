package jp.itaku.audit;

import java.util.List;

/**
 * One page of audit entries.
 *
 * @param entries the entries on the page
 * @param page the page number, from 0
 * @param size entries per page
 * @param total entries matching in all
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

	/**
	 * Returns whether a later page exists.
	 * @return {@code true} when more entries follow
	 */
	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	/**
	 * Returns whether an earlier page exists.
	 * @return {@code true} after the first page
	 */
	public boolean hasPrevious() {
		return this.page > 0;
	}

}
