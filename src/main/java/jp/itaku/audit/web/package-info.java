/**
 * Pages and API of the audit trail: list with filters, CSV export, chain verification.
 */
package jp.itaku.audit.web;
