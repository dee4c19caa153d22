/**
 * Organisations: the clients, contractors and subcontractors party to outsourcing
 * contracts (GLOSSARY: parties). Owns their register and who may see which.
 */
@NullMarked
@ApplicationModule(displayName = "Organisations", allowedDependencies = { "audit", "platform" })
package jp.itaku.organisation;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
