/**
 * Pages and API of the audit trail: list with filters, CSV export, chain verification.
 */
@NullMarked
package jp.itaku.audit.web;

import org.jspecify.annotations.NullMarked;
