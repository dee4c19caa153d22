/**
 * Encryption of sensitive fields at rest (TOTP secrets, nationality) with a key kept
 * outside the database.
 */
package jp.itaku.platform.crypto;
