/**
 * Web plumbing shared by all modules: locale selection, error answers (problem details
 * for the API, Japanese messages on pages) and the navigation model.
 */
@NullMarked
package jp.itaku.platform.web;

import org.jspecify.annotations.NullMarked;
