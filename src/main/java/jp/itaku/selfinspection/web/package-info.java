/**
 * The self-inspection pages and REST API: thin controllers over
 * {@link jp.itaku.selfinspection.SelfInspections}.
 */
package jp.itaku.selfinspection.web;
