/**
 * Pages and API of the clause catalog.
 */
package jp.itaku.catalog.web;
