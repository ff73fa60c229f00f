package org.relationcrm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Runs requests truly at the same moment against PostgreSQL: a row of the table they all write is held locked,
 * the requests start on their own threads, read it, and queue on the lock in their own transactions; once all of
 * them wait, the lock is released. Without the hold, two requests on a fast machine mostly run one after the other
 * and a race would pass by luck.
 */
public final class SimultaneousRequests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private SimultaneousRequests() {
    }

    /** Runs every task while the row {@code table.id} is locked, releases it when all wait on it, and returns results. */
    public static <T> List<T> run(DataSource dataSource, String table, long id, List<Callable<T>> tasks)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from " + table + " where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(task));
            }
            awaitWaiting(dataSource, tasks.size());
            holder.commit();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitWaiting(DataSource dataSource, int count) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        try (Connection watcher = dataSource.getConnection();
             PreparedStatement waiting = watcher.prepareStatement("select count(*) from pg_stat_activity"
                     + " where datname = current_database() and wait_event_type = 'Lock'")) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(count + " requests never all waited on the locked row");
    }
}
