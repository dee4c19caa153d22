/**
 * Pages and API of the contract register.
 */
package jp.itaku.contract.web;
