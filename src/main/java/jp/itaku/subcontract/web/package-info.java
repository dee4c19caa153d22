/**
 * The subcontracting pages and REST API (internal to the subcontract module).
 */
@NullMarked
package jp.itaku.subcontract.web;

import org.jspecify.annotations.NullMarked;
