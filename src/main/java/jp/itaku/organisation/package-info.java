/**
 * Organisations: the clients, contractors and subcontractors party to outsourcing
 * contracts (GLOSSARY: parties). Owns their register and who may see which.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package jp.itaku.organisation;
