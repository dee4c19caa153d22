/**
 * Pages and API of obligations: the dashboard, a contract's obligations, one obligation
 * with its submissions and review.
 */
@NullMarked
package jp.itaku.obligation.web;

import org.jspecify.annotations.NullMarked;
