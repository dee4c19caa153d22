/**
 * The account module's pages and API: sign-in steps, own account, API tokens, user
 * administration, and the security filter chains that guard every route.
 */
package jp.itaku.account.web;
