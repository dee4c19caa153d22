/**
 * Pages and API of a contract's notices and reports (届出・報告), and the contract page's link
 * to them.
 */
@NullMarked
package jp.itaku.notice.web;

import org.jspecify.annotations.NullMarked;
