package org.relationcrm.config;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of page requests run at once and queues the others in arrival order.
 *
 * <p>Tomcat runs up to 200 requests at once, far more than the cores and the few database connections can serve. Unbounded, every request of a burst advances a little at a time and waits its turn again at each SQL
 * statement: the unlucky ones wait many times (measured: p99 about five times the median at 32 connections on
 * 2 cores). Admitted in order, a request runs to its end without waiting for a connection, so latency is the time
 * spent in the queue plus a short, steady service time, and the same throughput comes with a tail close to the
 * median. A request that has waited longer than the limit gets a 503 with Retry-After instead of piling up.
 *
 * <p>Static files (CSS, scripts) are not counted: they are cheap and a page needs them right away.
 */
final class RequestAdmission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);
    private static final long WARNING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Semaphore running;
    private final long maxWaitMillis;
    /** Refusals since the last warning, and when that was: one line every 10 s at most under a flood. */
    private final AtomicLong refusedSinceWarning = new AtomicLong();
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - WARNING_EVERY_NANOS);

    RequestAdmission(int maxConcurrent, long maxWaitMillis) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("relation.web.max-concurrent-requests must be at least 1");
        }
        this.running = new Semaphore(maxConcurrent, true); // fair: first come, first served
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // static files, and the operators' endpoints: a health probe or a scrape must not wait behind the pages
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!admitted) {
            warnRefused(request);
            response.setHeader("Retry-After", "2");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private void warnRefused(HttpServletRequest request) {
        long refused = refusedSinceWarning.incrementAndGet();
        long last = lastWarningNanos.get();
        long now = System.nanoTime();
        if (now - last >= WARNING_EVERY_NANOS && lastWarningNanos.compareAndSet(last, now)) {
            refusedSinceWarning.addAndGet(-refused);
            log.warn("Busy: {} request(s) waited {} ms without a free slot and got a 503 (last: {} {})", refused,
                    maxWaitMillis, request.getMethod(), request.getRequestURI());
        }
    }
}
