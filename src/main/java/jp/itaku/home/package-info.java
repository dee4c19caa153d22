/**
 * The home page: who is signed in, for which organisation, in which role, and where to go
 * next.
 */
@ApplicationModule(displayName = "Home", allowedDependencies = { "platform" })
package jp.itaku.home;

import org.springframework.modulith.ApplicationModule;
