/**
 * Pages and API of the organisation register.
 */
@NullMarked
package jp.itaku.organisation.web;

import org.jspecify.annotations.NullMarked;
