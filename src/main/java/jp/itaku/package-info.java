/**
 * Itaku's application class: it starts the server or runs an operator command. Each
 * module lives in a package of its own below this one.
 */
@NullMarked
package jp.itaku;

import org.jspecify.annotations.NullMarked;
