package jp.itaku.account;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account was locked for every source after too many failed sign-ins; the security
 * administrators are told after commit ({@link LockoutMails}).
 *
 * @param userId the locked account
 * @param until the end of the lock
 * @param failures the failures that led to it
 * @param source the address of the last failure
 */
record AccountLocked(UUID userId, Instant until, int failures, @Nullable String source) {
}
