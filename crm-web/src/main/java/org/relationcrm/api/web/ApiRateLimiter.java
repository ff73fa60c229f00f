package org.relationcrm.api.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API token, in memory: {@code relation.api.rate-limit} calls per minute, refilled continuously,
 * so a burst of that many passes and then one call every {@code 60 / limit} seconds. Per node: behind a load
 * balancer with n nodes a token gets up to n times the limit, which is what a limit against runaway scripts needs.
 * Time is the JVM's monotonic clock (not the business Clock: a fixed clock in tests would never refill).
 */
@Component
class ApiRateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    ApiRateLimiter(@Value("${relation.api.rate-limit:120}") int perMinute) {
        this(perMinute, System::nanoTime);
    }

    ApiRateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("relation.api.rate-limit must be at least 1");
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Takes one call from the token's bucket: 0 if allowed, else the seconds to wait before the next one passes. */
    long acquire(long tokenId) {
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(perMinute, now)).take(now, perMinute);
    }

    int perMinute() {
        return perMinute;
    }

    private static final class Bucket {

        private double available;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.available = capacity;
            this.refilledAt = now;
        }

        synchronized long take(long now, int perMinute) {
            available = Math.min(perMinute, available + (double) (now - refilledAt) * perMinute / MINUTE_NANOS);
            refilledAt = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            double missingNanos = (1 - available) * MINUTE_NANOS / perMinute;
            return Math.max(1, (long) Math.ceil(missingNanos / 1_000_000_000d));
        }
    }
}
