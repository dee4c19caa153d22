/**
 * Pages and API of work schedules and entry logs: the months of a contract, a month's
 * calendar grid and import, the entry log with its quick-entry page and import.
 */
@NullMarked
package jp.itaku.worksite.web;

import org.jspecify.annotations.NullMarked;
