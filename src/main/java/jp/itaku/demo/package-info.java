/**
 * Demo data: seeded by the README's run command (profile {@code demo}) so that every role
 * and every feature can be tried on first start. Never active in production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package jp.itaku.demo;
