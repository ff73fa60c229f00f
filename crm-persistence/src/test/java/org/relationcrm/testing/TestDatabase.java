package org.relationcrm.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests of this JVM use, chosen once: {@code TEST_DB_URL} (with {@code TEST_DB_USER} and
 * {@code TEST_DB_PASSWORD}) when set; Testcontainers when a Docker engine answers; otherwise an embedded
 * PostgreSQL started in-process. In every case the tests get a new, empty database of their own, so each test run
 * starts from a known state and Flyway migrates it from scratch.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password, String mode) {
    }

    private static volatile Connection instance;

    private TestDatabase() {
    }

    public static Connection get() {
        Connection local = instance;
        if (local == null) {
            synchronized (TestDatabase.class) {
                local = instance;
                if (local == null) {
                    local = start();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Connection start() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("TEST_DB_USER", "postgres");
            String password = envOr("TEST_DB_PASSWORD", "");
            return freshDatabase(url, user, password, "TEST_DB_URL");
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            return freshDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests; "
                    + "set TEST_DB_URL to a PostgreSQL server instead", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Another new, empty database on the same server, for a test that needs a database nobody else wrote to. */
    public static Connection another() {
        Connection current = get();
        return freshDatabase(current.url(), current.username(), current.password(), current.mode());
    }

    /** Creates a new database on the server at {@code serverUrl} and returns a connection to it. */
    private static Connection freshDatabase(String serverUrl, String user, String password, String mode) {
        String name = "relation_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + serverUrl, e);
        }
        return new Connection(replaceDatabase(serverUrl, name), user, password, mode);
    }

    static String replaceDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
