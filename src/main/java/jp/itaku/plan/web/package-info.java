/**
 * Pages and API of a contract's implementation plans: the periodic duties with their plan
 * and occurrences, the plan's editing, the contract page's warning and the inbox item of
 * a duty still unplanned.
 */
@NullMarked
package jp.itaku.plan.web;

import org.jspecify.annotations.NullMarked;
