/**
 * The account module's pages and API: sign-in steps, own account, API tokens, user
 * administration, and the security filter chains that guard every route.
 */
@NullMarked
package jp.itaku.account.web;

import org.jspecify.annotations.NullMarked;
