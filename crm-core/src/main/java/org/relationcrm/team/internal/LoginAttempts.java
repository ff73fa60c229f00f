package org.relationcrm.team.internal;

import java.time.Instant;
import java.util.Optional;

import org.relationcrm.team.LoginPolicy;

/**
 * Failed sign-ins, counted per account and per client address in the database every node shares (so a second node
 * does not hand out a fresh set of guesses). Implemented in SQL in crm-persistence: each failure is one atomic
 * statement, so two nodes counting at once lose no failure.
 */
public interface LoginAttempts {

    /** The end of the later lock on this account or this address, if one is still running at {@code now}. */
    Optional<Instant> lockedUntil(String account, String address, Instant now);

    /**
     * Counts one failure for the account and one for the address, under the policy's window and thresholds.
     * Returns the end of the lock this failure started, if it started one.
     */
    Optional<Instant> recordFailure(String account, String address, Instant now, LoginPolicy policy);

    /** A successful sign-in: the account's count starts again (the address's count only decays). */
    void forgetAccount(String account);

    /** Removes the counts nobody needs any more: last failure before {@code before} and no running lock. */
    int forgetOlderThan(Instant before, Instant now);
}
