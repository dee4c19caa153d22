/**
 * Pages of the service levels.
 */
package jp.itaku.servicelevel.web;
