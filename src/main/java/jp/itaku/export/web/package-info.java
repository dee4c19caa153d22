/**
 * Web adapters of the exports: the workbook download (page and API), the calendar feed
 * and its token on the account page.
 */
@NullMarked
package jp.itaku.export.web;

import org.jspecify.annotations.NullMarked;
