/**
 * The approvals register page, the application and decision forms and the REST API of
 * prior approvals; the inbox items of applications to decide and approvals ending soon.
 */
@NullMarked
package jp.itaku.approval.web;

import org.jspecify.annotations.NullMarked;
