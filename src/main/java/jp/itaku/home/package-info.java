/**
 * The home page: who is signed in, for which organisation, in which role, and where to go
 * next.
 */
@NullMarked
@ApplicationModule(displayName = "Home", allowedDependencies = { "platform" })
package jp.itaku.home;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
