/**
 * The database: embedded PostgreSQL by default, an external server when
 * {@code ITAKU_DB_URL} is set. The schema belongs to Flyway
 * ({@code src/main/resources/db/migration}).
 */
@NullMarked
package jp.itaku.platform.database;

import org.jspecify.annotations.NullMarked;
