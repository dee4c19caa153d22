/**
 * Pages and API of client-issued IDs: a contract's IDs with the findings on top, the
 * findings across the client's contracts, issue and revoke.
 */
@NullMarked
package jp.itaku.clientid.web;

import org.jspecify.annotations.NullMarked;
