/**
 * Pages and API of the organisation register.
 */
package jp.itaku.organisation.web;
