/**
 * Pages of the service levels.
 */
@NullMarked
package jp.itaku.servicelevel.web;

import org.jspecify.annotations.NullMarked;
