/**
 * Pages and API of the rosters: the roster page with its notices, the as-of view, the
 * import (preview, then all or nothing) and the Excel export, and the security
 * administrator's purpose-bound view of a nationality.
 */
@NullMarked
package jp.itaku.roster.web;

import org.jspecify.annotations.NullMarked;
