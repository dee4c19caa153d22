/**
 * Pages and API of the clause catalog.
 */
@NullMarked
package jp.itaku.catalog.web;

import org.jspecify.annotations.NullMarked;
