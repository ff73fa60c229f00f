package org.relationcrm.team;

import java.time.Duration;

/**
 * When guessing passwords stops: after {@code maxAccountFailures} failures on one account, or
 * {@code maxAddressFailures} failures from one client address (whatever the usernames), each within {@code window}
 * of the previous one, sign-ins for that account or from that address are refused for {@code lockDuration}.
 * While the count stays at or above the threshold, each further failure starts a new lock: after the first few
 * guesses an attacker gets one guess per lock period. A success starts the account's count again.
 */
public record LoginPolicy(int maxAccountFailures, int maxAddressFailures, Duration window, Duration lockDuration) {

    public LoginPolicy {
        if (maxAccountFailures < 1 || maxAddressFailures < 1) {
            throw new IllegalArgumentException("the failure thresholds must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || window.compareTo(lockDuration) < 0) {
            throw new IllegalArgumentException("the lock must last, and the counting window be at least the lock");
        }
    }
}
