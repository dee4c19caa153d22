/**
 * The home page: who is signed in, for which organisation, in which role, and where to go
 * next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package jp.itaku.home;
