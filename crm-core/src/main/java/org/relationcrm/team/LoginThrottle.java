package org.relationcrm.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.relationcrm.team.internal.LoginAttempts;

/**
 * Slows down password guessing (see {@link LoginPolicy}). The same answer is given whether the account exists or
 * not: unknown usernames are counted like known ones. Cost: one small query before each sign-in, one upsert per
 * failure, one delete per success; rows live at most one counting window after their last failure.
 */
@Service
public class LoginThrottle {

    /** app_user.username is at most 60 characters: a longer name is no account, its count needs no more. */
    private static final int MAX_ACCOUNT_KEY = 60;

    private final LoginAttempts attempts;
    private final LoginPolicy policy;
    private final Clock clock;

    public LoginThrottle(LoginAttempts attempts, Clock clock,
                         @Value("${relation.login.max-account-failures:5}") int maxAccountFailures,
                         @Value("${relation.login.max-address-failures:30}") int maxAddressFailures,
                         @Value("${relation.login.window:PT1H}") Duration window,
                         @Value("${relation.login.lock-duration:PT15M}") Duration lockDuration) {
        this.attempts = attempts;
        this.clock = clock;
        this.policy = new LoginPolicy(maxAccountFailures, maxAddressFailures, window, lockDuration);
    }

    public LoginPolicy policy() {
        return policy;
    }

    /** Empty if this sign-in may be tried, else when the running lock ends. */
    public Optional<Instant> lockedUntil(String username, String address) {
        return attempts.lockedUntil(account(username), address, clock.instant());
    }

    /** Counts a wrong password; returns the end of the lock it started, if it started one. */
    public Optional<Instant> failed(String username, String address) {
        return attempts.recordFailure(account(username), address, clock.instant(), policy);
    }

    public void succeeded(String username) {
        attempts.forgetAccount(account(username));
    }

    /** Idempotent, so it does no harm when every node runs it. */
    @Scheduled(fixedDelayString = "${relation.login.purge-every-ms:600000}", initialDelay = 60_000)
    public void forgetOldFailures() {
        Instant now = clock.instant();
        attempts.forgetOlderThan(now.minus(policy.window()), now);
    }

    /** The account as the sign-in looks it up (see SecurityConfig's UserDetailsService). */
    public static String account(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_ACCOUNT_KEY ? key.substring(0, MAX_ACCOUNT_KEY) : key;
    }
}
