/**
 * Mail plumbing shared by the modules that notify people: one sender of plain-text UTF-8
 * mail from the configured address.
 */
package jp.itaku.platform.mail;
