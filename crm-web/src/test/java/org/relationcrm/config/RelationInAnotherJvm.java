package org.relationcrm.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A Relation's database side in a JVM of its own, to kill it like an operator would ({@code kill -9}): the JVM
 * starts the embedded server on a folder, writes one row, says READY and waits to be killed.
 */
final class RelationInAnotherJvm implements AutoCloseable {

    static final String ROW = "written before the JVM died";

    private final Process jvm;

    private RelationInAnotherJvm(Process jvm) {
        this.jvm = jvm;
    }

    static RelationInAnotherJvm startOn(Path dataDir, Path output) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RelationInAnotherJvm.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(output).contains("READY")) {
            if (!jvm.isAlive() || System.nanoTime() > deadline) {
                jvm.destroyForcibly();
                throw new IllegalStateException("The other JVM did not start its server:\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
        return new RelationInAnotherJvm(jvm);
    }

    /** {@code kill -9} of the JVM alone: its PostgreSQL keeps running, orphaned. */
    void killJvm() throws InterruptedException {
        jvm.destroyForcibly();
        jvm.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        killJvm();
    }

    public static void main(String[] args) throws SQLException, InterruptedException {
        DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(Path.of(args[0]), 0);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
             Statement sql = connection.createStatement()) {
            sql.execute("create table survivor (note text)");
            sql.execute("insert into survivor values ('" + ROW + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
