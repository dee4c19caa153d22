/**
 * Documents: the files contractors and clients upload as written submissions (書面) —
 * stored by content hash, never overwritten, checked for size, type and viruses before
 * anyone else sees them (Setagaya clause 21, Nerima 第18条⑷キ: virus checks before data
 * enters the systems).
 */
@NullMarked
@ApplicationModule(displayName = "Documents", allowedDependencies = { "platform" })
package jp.itaku.document;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
