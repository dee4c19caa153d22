/**
 * Pages and API of the contract register.
 */
@NullMarked
package jp.itaku.contract.web;

import org.jspecify.annotations.NullMarked;
