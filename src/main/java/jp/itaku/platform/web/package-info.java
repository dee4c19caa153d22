/**
 * Web plumbing shared by all modules: locale selection, error answers (problem details
 * for the API, Japanese messages on pages) and the navigation model.
 */
package jp.itaku.platform.web;
