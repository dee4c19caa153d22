/**
 * The incident reports' pages, API and banner: thin controllers over
 * {@link jp.itaku.incident.Incidents}.
 */
@NullMarked
package jp.itaku.incident.web;

import org.jspecify.annotations.NullMarked;
