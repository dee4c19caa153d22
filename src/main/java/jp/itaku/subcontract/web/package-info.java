/**
 * The subcontracting pages and REST API (internal to the subcontract module).
 */
package jp.itaku.subcontract.web;
