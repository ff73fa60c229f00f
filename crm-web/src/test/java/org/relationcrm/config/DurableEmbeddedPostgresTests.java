package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The run command's embedded PostgreSQL, on folders of its own: durable, password-protected, one owner. */
class DurableEmbeddedPostgresTests {

    /** A cluster straight out of initdb, as zonky leaves it (trust, nothing in it). */
    private static Path newCluster;

    @TempDir
    Path temp;

    /** initdb (with its fsyncs) takes seconds on a busy machine: done once here, then copied for each test. */
    @BeforeAll
    static void initdbOnce(@TempDir Path folder) throws IOException {
        newCluster = folder.resolve("new-cluster");
        EmbeddedPostgres.builder().setDataDirectory(newCluster).setCleanDataDirectory(false).start().close();
    }

    /** A server left by a killed JVM (on purpose, or by a failed test) is not left running after the test. */
    @AfterEach
    void stopServerLeftRunning() throws IOException {
        OrphanedPostmaster.stopIfRunning(temp.resolve("data"));
    }

    private Path newDataFolder() throws IOException {
        Path dataDir = temp.resolve("data");
        try (Stream<Path> files = Files.walk(newCluster)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, dataDir.resolve(newCluster.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return dataDir;
    }

    @Test
    void everyAcknowledgedInsertSurvivesKillingPostgresMidWrite() throws Exception {
        Path dataDir = newDataFolder();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(dataDir, 0);
        try {
            execute(postgres, "create table written (id bigint primary key, payload text not null)");
            AtomicLong nextId = new AtomicLong();
            CountDownLatch enoughWritten = new CountDownLatch(1_000);
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writers.add(Thread.ofPlatform().start(() -> {
                    try (Connection connection = connect(postgres);
                         PreparedStatement insert = connection.prepareStatement(
                                 "insert into written (id, payload) values (?, repeat('x', 200))")) {
                        while (true) {
                            long id = nextId.incrementAndGet();
                            insert.setLong(1, id);
                            insert.executeUpdate(); // autocommit: returning means "saved" to the app
                            acknowledged.add(id);
                            enoughWritten.countDown();
                        }
                    } catch (SQLException killed) {
                        // the server died under us: what was acknowledged until then must be there after restart
                    }
                }));
            }
            enoughWritten.await();
            killPostmasterAndItsChildren(dataDir);
            for (Thread writer : writers) {
                writer.join();
            }
        } finally {
            postgres.close(); // only releases the folder's lock: the server is dead already
        }

        try (DurableEmbeddedPostgres restarted = DurableEmbeddedPostgres.start(dataDir, 0)) {
            Set<Long> found = new HashSet<>(queryLongs(restarted, "select id from written"));
            Set<Long> lost = new HashSet<>(acknowledged);
            lost.removeAll(found);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1_000);
            assertThat(lost).as("acknowledged inserts missing after the crash").isEmpty();
        }
    }

    @Test
    void aServerLeftRunningByAKilledRelationIsStoppedAndTheNextStartComesUpWithTheData() throws Exception {
        Path dataDir = newDataFolder();
        RelationInAnotherJvm other = RelationInAnotherJvm.startOn(dataDir, temp.resolve("other-jvm.log"));
        other.killJvm();
        ProcessHandle orphan = OrphanedPostmaster.find(dataDir).orElseThrow(
                () -> new AssertionError("the killed JVM's PostgreSQL should still run"));

        try (DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(dataDir, 0)) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(queryStrings(postgres, "select note from survivor")).containsExactly(RelationInAnotherJvm.ROW);
        }
    }

    @Test
    void aSecondRelationOnAFolderInUseStopsWithOneClearLine() throws Exception {
        Path dataDir = newDataFolder();
        try (RelationInAnotherJvm other = RelationInAnotherJvm.startOn(dataDir, temp.resolve("other-jvm.log"))) {
            ProcessHandle serverOfTheOther = OrphanedPostmaster.find(dataDir).orElseThrow();

            assertThatThrownBy(() -> DurableEmbeddedPostgres.start(dataDir, 0))
                    .isInstanceOfSatisfying(EmbeddedDatabaseStartException.class, failure -> {
                        FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);
                        assertThat(analysis.getDescription())
                                .isEqualTo("Another Relation is running with its data in " + dataDir.toAbsolutePath()
                                        + ": stop it first, or choose another data folder.");
                    });
            assertThat(serverOfTheOther.isAlive()).as("the other Relation's server is left alone").isTrue();
        }
    }

    @Test
    void theAppConnectsAsANonSuperuserWithAPasswordOnlyItsOwnerCanRead() throws Exception {
        Path dataDir = temp.resolve("data"); // a new folder: initdb, then the password file is written
        try (DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(dataDir, 0)) {
            assertThat(queryStrings(postgres, """
                    select current_user || ' ' || rolsuper || ' ' || pg_get_userbyid(d.datdba)
                    from pg_roles r, pg_database d where r.rolname = current_user and d.datname = current_database()
                    """)).containsExactly("relation false relation");
            assertThat(queryStrings(postgres, "select setting from pg_settings where name in "
                    + "('fsync', 'synchronous_commit', 'full_page_writes')")).containsOnly("on").hasSize(3);

            for (String user : List.of("relation", "postgres")) {
                assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), user, null).close())
                        .isInstanceOf(SQLException.class).hasMessageContaining("password");
                assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), user, "wrong").close())
                        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            }

            Path passwordFile = dataDir.resolve(DurableEmbeddedPostgres.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(postgres.password()).hasSizeGreaterThan(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        }
    }

    @Test
    void aFolderOfTheEarlierRelationKeepsItsDataAndIsGivenToTheAppRole() throws Exception {
        Path dataDir = newDataFolder();
        // The earlier Relation: zonky's defaults, trust, the app's tables in the superuser's database "postgres".
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).load().migrate();
            try (Connection connection = earlier.getPostgresDatabase().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("create table kept (note text)");
                sql.execute("insert into kept values ('saved by the earlier version')");
            }
        }

        try (DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(dataDir, 0)) {
            assertThat(queryStrings(postgres, "select note from kept")).containsExactly("saved by the earlier version");
            assertThat(queryStrings(postgres, """
                    select c.relname from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relowner <> current_user::regrole
                      and c.relkind in ('r', 'v', 'm', 'S')
                    """)).as("app objects not owned by the app role").isEmpty();
            var migration = Flyway.configure()
                    .dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()).load();
            assertThat(migration.validateWithResult().validationSuccessful).isTrue();
            execute(postgres, "refresh materialized view " + queryStrings(postgres,
                    "select matviewname from pg_matviews where schemaname = 'public' limit 1").getFirst());
        }
        try (DurableEmbeddedPostgres again = DurableEmbeddedPostgres.start(dataDir, 0)) {
            assertThat(queryStrings(again, "select note from kept")).containsExactly("saved by the earlier version");
        }
    }

    /** The postmaster leads its own process group (its backends, checkpointer, WAL writer): SIGKILL to all at once. */
    private static void killPostmasterAndItsChildren(Path dataDir) throws Exception {
        ProcessHandle postmaster = OrphanedPostmaster.find(dataDir).orElseThrow();
        List<ProcessHandle> group = new ArrayList<>(postmaster.descendants().toList());
        group.add(postmaster);
        Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + postmaster.pid()).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        group.forEach(process -> process.onExit().join());
    }

    private static Connection connect(DurableEmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static void execute(DurableEmbeddedPostgres postgres, String statement) throws SQLException {
        try (Connection connection = connect(postgres); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static List<String> queryStrings(DurableEmbeddedPostgres postgres, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(postgres); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<Long> queryLongs(DurableEmbeddedPostgres postgres, String query) throws SQLException {
        return queryStrings(postgres, query).stream().map(Long::valueOf).toList();
    }
}
