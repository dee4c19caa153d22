/**
 * The log evidence's pages, API and alert: thin controllers over
 * {@link jp.itaku.logevidence.LogEvidence}.
 */
@NullMarked
package jp.itaku.logevidence.web;

import org.jspecify.annotations.NullMarked;
