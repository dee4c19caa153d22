/**
 * Events between modules kept durable: the resubmission of event publications whose
 * listener did not complete ({@code EventResubmission}, one node at a time) and the
 * removal of completed ones ({@code EventPublications}), over Spring Modulith's JDBC
 * event publication registry (table {@code event_publication}).
 */
@NullMarked
package jp.itaku.platform.events;

import org.jspecify.annotations.NullMarked;
