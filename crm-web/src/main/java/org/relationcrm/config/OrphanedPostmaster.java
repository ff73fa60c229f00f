package org.relationcrm.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the data folder by a Relation that ended without stopping it ({@code kill -9} of
 * the JVM). Call only while holding the folder's lock: then no live Relation owns that server, and it can be
 * stopped (fast shutdown: running transactions are rolled back, everything committed stays).
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final long STOP_WAIT_SECONDS = 60;

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = find(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        log.warn("A PostgreSQL (pid {}) was left running on {} by a Relation that ended abruptly: stopping it", pid,
                dataDir);
        // SIGINT is PostgreSQL's fast shutdown; Java can only send SIGTERM (smart: would wait for its clients).
        run("kill", "-INT", Long.toString(pid));
        try {
            postmaster.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("The PostgreSQL left running on " + dataDir + " (pid " + pid
                    + ") did not stop within " + STOP_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the PostgreSQL left running on " + dataDir, e);
        }
    }

    /**
     * The live postmaster named by {@code postmaster.pid}, if it is a PostgreSQL started on this folder (the pid of a
     * stale file may have been reused by another process since: that one is left alone).
     */
    static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!firstLine.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(firstLine))
                .filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOn(process, dataDir.toAbsolutePath().normalize()));
    }

    /** Started as {@code .../postgres -D <dataDir> ...} (how pg_ctl starts it). */
    private static boolean isPostgresOn(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> command.endsWith("/postgres")).orElse(false);
        List<String> arguments = info.arguments().map(List::of).orElse(List.of());
        int folder = arguments.indexOf("-D") + 1;
        return postgres && folder > 0 && folder < arguments.size()
                && Path.of(arguments.get(folder)).toAbsolutePath().normalize().equals(dataDir);
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }
}
