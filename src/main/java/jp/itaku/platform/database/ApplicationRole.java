package jp.itaku.platform.database;

/**
 * The database role the application connects as; the migrations run as the owner, and
 * {@link ApplicationRoleGrants} grants this role what the application needs.
 *
 * @param name the role's name
 */
record ApplicationRole(String name) {
}
