/**
 * Pages and API of pledges and training: a contract's training page with each worker's
 * readiness, session and drill records, pledges and the worker's own page to acknowledge
 * theirs.
 */
package jp.itaku.training.web;
