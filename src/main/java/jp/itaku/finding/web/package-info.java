/**
 * The findings' pages: thin controllers over {@link jp.itaku.finding.Findings}.
 */
@NullMarked
package jp.itaku.finding.web;

import org.jspecify.annotations.NullMarked;
