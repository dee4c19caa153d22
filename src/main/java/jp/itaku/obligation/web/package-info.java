/**
 * Pages and API of obligations: the dashboard, a contract's obligations, one obligation
 * with its submissions and review.
 */
package jp.itaku.obligation.web;
