/**
 * Pages and API of pledges and training: a contract's training page with each worker's
 * readiness, session and drill records, pledges and the worker's own page to acknowledge
 * theirs.
 */
@NullMarked
package jp.itaku.training.web;

import org.jspecify.annotations.NullMarked;
