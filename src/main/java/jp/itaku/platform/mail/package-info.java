/**
 * Mail plumbing shared by the modules that notify people: one sender of plain-text UTF-8
 * mail from the configured address.
 */
@NullMarked
package jp.itaku.platform.mail;

import org.jspecify.annotations.NullMarked;
