/**
 * The self-inspection pages and REST API: thin controllers over
 * {@link jp.itaku.selfinspection.SelfInspections}.
 */
@NullMarked
package jp.itaku.selfinspection.web;

import org.jspecify.annotations.NullMarked;
