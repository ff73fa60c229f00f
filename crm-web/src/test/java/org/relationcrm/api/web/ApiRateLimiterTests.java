package org.relationcrm.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on its own clock: a burst of the limit, then one call per 60 / limit seconds, per token. */
class ApiRateLimiterTests {

    final AtomicLong now = new AtomicLong(1_000);
    final ApiRateLimiter limiter = new ApiRateLimiter(120, now::get);

    @Test
    void aBurstOfTheLimitPassesThenTheNextWaitsHalfASecondRoundedUpToOne() {
        for (int i = 0; i < 120; i++) {
            assertThat(limiter.acquire(1)).isZero();
        }
        assertThat(limiter.acquire(1)).as("seconds to wait").isEqualTo(1);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isEqualTo(1);
    }

    @Test
    void eachTokenHasItsOwnBucketAndAnIdleOneRefillsToTheLimitOnly() {
        for (int i = 0; i < 120; i++) {
            limiter.acquire(1);
        }
        assertThat(limiter.acquire(2)).isZero();
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 120; i++) {
            assertThat(limiter.acquire(1)).isZero();
        }
        assertThat(limiter.acquire(1)).isPositive();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new ApiRateLimiter(0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
