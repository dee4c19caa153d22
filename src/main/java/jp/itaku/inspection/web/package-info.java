/**
 * The inspections' pages and API: thin controllers over
 * {@link jp.itaku.inspection.Inspections}.
 */
@NullMarked
package jp.itaku.inspection.web;

import org.jspecify.annotations.NullMarked;
