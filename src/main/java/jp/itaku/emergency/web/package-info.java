/**
 * Pages and API of a contract's emergency contacts: the list, its editing, submission,
 * confirmation and submitted versions.
 */
@NullMarked
package jp.itaku.emergency.web;

import org.jspecify.annotations.NullMarked;
