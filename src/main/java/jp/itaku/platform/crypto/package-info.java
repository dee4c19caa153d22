/**
 * Keys kept outside the database: encryption of sensitive fields at rest (TOTP secrets,
 * nationality) with one keyset shared by all nodes and recorded in the database by
 * fingerprint, its rotation and retirement, and the keyset files themselves.
 */
@NullMarked
package jp.itaku.platform.crypto;

import org.jspecify.annotations.NullMarked;
