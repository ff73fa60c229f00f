package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestAdmissionTests {

    @Test
    void aRequestBeyondTheLimitWaitsForAFreeSlotThenRuns() throws Exception {
        RequestAdmission admission = new RequestAdmission(1, 5_000);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();

        Thread first = Thread.ofVirtual().start(() -> run(admission, "/clients/1", (req, res) -> {
            ran.add("first started");
            firstRunning.countDown();
            await(releaseFirst);
            ran.add("first ended");
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofVirtual().start(() -> run(admission, "/clients/2", (req, res) -> ran.add("second")));
        Thread.sleep(200);
        assertThat(ran).containsExactly("first started"); // the second waits while the only slot is taken

        releaseFirst.countDown();
        first.join(5_000);
        second.join(5_000);
        assertThat(ran).containsExactly("first started", "first ended", "second");
    }

    @Test
    void aRequestThatWaitedTooLongGets503WithRetryAfterAndDoesNotRun() throws Exception {
        RequestAdmission admission = new RequestAdmission(1, 100);
        Occupied first = occupyTheOnlySlot(admission);

        List<String> ran = new CopyOnWriteArrayList<>();
        MockHttpServletResponse refused = run(admission, "/clients/2", (req, res) -> ran.add("second"));

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(ran).isEmpty();
        first.release();
        // the slot is free again
        assertThat(run(admission, "/clients/3", (req, res) -> ran.add("third")).getStatus()).isEqualTo(200);
        assertThat(ran).containsExactly("third");
    }

    @Test
    void staticFilesAreServedWithoutTakingASlot() throws Exception {
        RequestAdmission admission = new RequestAdmission(1, 100);
        Occupied first = occupyTheOnlySlot(admission);

        List<String> ran = new CopyOnWriteArrayList<>();
        assertThat(run(admission, "/webjars/bootstrap/css/bootstrap.min.css", (req, res) -> ran.add("css")).getStatus())
                .isEqualTo(200);
        assertThat(run(admission, "/css/relation.css", (req, res) -> ran.add("css")).getStatus()).isEqualTo(200);
        assertThat(ran).hasSize(2);
        first.release();
    }

    /** A request that holds the only slot until released. */
    private record Occupied(Thread thread, CountDownLatch releaseIt) {
        void release() throws InterruptedException {
            releaseIt.countDown();
            thread.join(5_000);
        }
    }

    private static Occupied occupyTheOnlySlot(RequestAdmission admission) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = Thread.ofVirtual().start(() -> run(admission, "/clients/1", (req, res) -> {
            running.countDown();
            await(release);
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return new Occupied(thread, release);
    }

    private static MockHttpServletResponse run(RequestAdmission admission, String path, FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
