package org.relationcrm.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

import org.relationcrm.demo.GenerationReport.IdRange;
import org.relationcrm.demo.GenerationReport.TableLoad;

/**
 * Fills the database with realistic French clients, people and years of interactions, fast: rows are streamed to
 * PostgreSQL with {@code COPY ... FROM STDIN}, never held in memory, so 100 000 companies, 300 000 people and
 * 5 000 000 interactions take a few minutes on a small machine.
 *
 * <p>Rows get explicit ids from blocks reserved on each table's identity sequence before writing, so the
 * application keeps inserting after them, and everything is written in one transaction: either all the data is
 * there or none. When the database user is a superuser, foreign-key checks and triggers are skipped during the
 * load ({@code session_replication_role = replica}); the generator writes consistent keys and fills
 * {@code interaction_contact.occurred_at} itself. Generated columns ({@code sort_name}, {@code search_text}) are
 * computed by PostgreSQL. For big loads, indexes are built once at the end rather than row by row (see
 * {@link #dropIndexesBeforeBigLoads}). Tables are analysed at the end.
 *
 * <p>The same plan gives the same rows on the same day: dates are relative to the application clock's "now".
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final long REBUILD_AT_ROWS = 50_000;
    private static final List<String> TABLES = List.of("company", "contact", "contact_important_date", "interaction",
            "interaction_contact");

    private final DataSource dataSource;
    private final Clock clock;

    public DemoDataGenerator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public GenerationReport generate(GenerationPlan plan) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            requireUsers(connection, plan);
            boolean superuser = isSuperuser(connection);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set synchronous_commit = off");
                    if (superuser) {
                        statement.execute("set session_replication_role = replica");
                    }
                }
                IdRange companies = reserveIds(connection, "company", plan.companies());
                IdRange contacts = reserveIds(connection, "contact", plan.contacts());
                IdRange interactions = reserveIds(connection, "interaction", plan.interactions());

                connection.setAutoCommit(false);
                List<TableLoad> loads = new ArrayList<>();
                try {
                    List<IndexDefinition> dropped = dropIndexesBeforeBigLoads(connection, plan);
                    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                    loads.addAll(new GenerationRun(plan, copy::copyIn, now, clock.getZone(), companies.first(),
                            contacts.first(), interactions.first()).execute());
                    if (!dropped.isEmpty()) {
                        loads.add(recreate(connection, dropped));
                    }
                    if (superuser) {
                        loads.add(lastExchanges(connection, interactions));
                        loads.add(mainContacts(connection, contacts));
                        loads.add(insightRollups(connection));
                    }
                    long commitStarted = System.nanoTime();
                    connection.commit();
                    loads.add(new TableLoad("commit", 0, Duration.ofNanos(System.nanoTime() - commitStarted)));
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
                connection.setAutoCommit(true);
                long analyzeStarted = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze " + String.join(", ", TABLES));
                }
                loads.add(new TableLoad("analyze", 0, Duration.ofNanos(System.nanoTime() - analyzeStarted)));
                GenerationReport report = new GenerationReport(plan.seed(), companies, contacts, interactions, loads,
                        Duration.ofNanos(System.nanoTime() - started), superuser);
                log.debug("Generated {} companies, {} people and {} interactions in {} ms (seed {})",
                        plan.companies(), plan.contacts(), plan.interactions(), report.total().toMillis(), plan.seed());
                return report;
            } finally {
                restoreSession(connection, superuser, autoCommit);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("generating demo data", null, e);
        }
    }

    /** The connection goes back to the pool: it must not keep skipping foreign-key checks. */
    private static void restoreSession(Connection connection, boolean superuser, boolean autoCommit) {
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset synchronous_commit");
                if (superuser) {
                    statement.execute("reset session_replication_role");
                }
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            log.warn("Could not restore the session settings of the generator's connection; closing it", e);
            try {
                // Closing the physical connection makes the pool drop it instead of lending it out as it is.
                connection.unwrap(Connection.class).close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    /** An index that the load drops and builds again, as {@code pg_get_indexdef} gives it. */
    private record IndexDefinition(String name, String definition) {
    }

    /**
     * Keeping indexes up to date row by row is what makes a big load slow: building them once afterwards is several
     * times faster. So for a table that receives at least {@value #REBUILD_AT_ROWS} rows, and more rows than it
     * already has, the indexes that back no constraint are dropped here and created again, identical, after the load,
     * in the same transaction (a failure restores them). Other sessions wait for those tables meanwhile. Indexes of
     * tables owned by someone else are left alone.
     */
    private static List<IndexDefinition> dropIndexesBeforeBigLoads(Connection connection, GenerationPlan plan)
            throws SQLException {
        Map<String, Long> incoming = Map.of(
                "company", (long) plan.companies(),
                "contact", (long) plan.contacts(),
                "interaction", (long) plan.interactions(),
                "interaction_contact", (long) (plan.interactions() * 0.8));
        List<IndexDefinition> dropped = new ArrayList<>();
        String sql = """
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                from pg_index i
                join pg_class t on t.oid = i.indrelid
                where i.indrelid = ?::regclass
                  and greatest(t.reltuples, 0) <= ?
                  and pg_has_role(t.relowner, 'USAGE')
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                order by 1""";
        for (var table : incoming.entrySet()) {
            if (table.getValue() < REBUILD_AT_ROWS) {
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, table.getKey());
                statement.setLong(2, table.getValue());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(new IndexDefinition(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (IndexDefinition index : dropped) {
                statement.execute("drop index " + index.name());
            }
        }
        return dropped;
    }

    private static TableLoad recreate(Connection connection, List<IndexDefinition> indexes) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '256MB'");
            for (IndexDefinition index : indexes) {
                statement.execute(index.definition());
            }
        }
        log.debug("Rebuilt indexes {}", indexes.stream().map(IndexDefinition::name).toList());
        return new TableLoad("indexes (" + indexes.size() + " rebuilt)", 0, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The last exchange of each client (V33), the first of each company (V86) and the count of each company's
     * timeline (V36), which triggers keep as interactions are inserted: without the triggers (a superuser's load),
     * they are computed here for the clients of the loaded interactions.
     */
    private static TableLoad lastExchanges(Connection connection, IdRange interactions) throws SQLException {
        long started = System.nanoTime();
        long rows;
        try (PreparedStatement companies = connection.prepareStatement("""
                insert into company_last_exchange as s (company_id, last_at)
                select company_id, max(occurred_at) from interaction
                where id between ? and ? and kind = 'EXCHANGE' and company_id is not null
                group by company_id
                on conflict (company_id) do update set last_at = excluded.last_at where s.last_at < excluded.last_at""");
             PreparedStatement firsts = connection.prepareStatement("""
                insert into company_first_exchange as f (company_id, first_at, interaction_id, channel)
                select distinct on (company_id) company_id, occurred_at, id, channel from interaction
                where id between ? and ? and kind = 'EXCHANGE' and company_id is not null
                order by company_id, occurred_at, id
                on conflict (company_id) do update
                    set first_at = excluded.first_at, interaction_id = excluded.interaction_id, channel = excluded.channel
                where (excluded.first_at, excluded.interaction_id) < (f.first_at, f.interaction_id)""");
             PreparedStatement counts = connection.prepareStatement("""
                insert into company_timeline_count as s (company_id, entries)
                select company_id, count(*) from interaction
                where id between ? and ? and company_id is not null
                group by company_id
                on conflict (company_id) do update set entries = s.entries + excluded.entries""");
             PreparedStatement people = connection.prepareStatement("""
                insert into contact_last_exchange as s (contact_id, last_at)
                select ic.contact_id, max(ic.occurred_at) from interaction_contact ic
                join interaction i on i.id = ic.interaction_id and i.kind = 'EXCHANGE'
                join contact k on k.id = ic.contact_id and k.company_id is null
                where ic.interaction_id between ? and ?
                group by ic.contact_id
                on conflict (contact_id) do update set last_at = excluded.last_at where s.last_at < excluded.last_at""")) {
            for (PreparedStatement statement : List.of(companies, firsts, counts, people)) {
                statement.setLong(1, interactions.first());
                statement.setLong(2, interactions.last());
            }
            rows = companies.executeUpdate() + firsts.executeUpdate() + counts.executeUpdate() + people.executeUpdate();
        }
        return new TableLoad("last exchanges", rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The facts of each company's main contact (V90), which triggers on the people keep: without the triggers (a
     * superuser's load), refreshed here by the triggers' own function for the companies of the loaded people.
     */
    private static TableLoad mainContacts(Connection connection, IdRange contacts) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement("""
                select company_main_contact_refresh(array(select distinct company_id from contact
                                                          where id between ? and ? and company_id is not null))""")) {
            statement.setLong(1, contacts.first());
            statement.setLong(2, contacts.last());
            statement.execute();
        }
        return new TableLoad("main contacts", 0, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The KPI dashboard's monthly rollups and the companies' status history (V47, V48), which triggers keep: without
     * the triggers (a superuser's load), recomputed here.
     */
    private static TableLoad insightRollups(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select insight_rebuild_rollups()");
        }
        return new TableLoad("insight rollups", 0, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Foreign keys may go unchecked during the load: make sure every owner and author really exists. */
    private static void requireUsers(Connection connection, GenerationPlan plan) throws SQLException {
        if (plan.staff().isEmpty()) {
            return;
        }
        Long[] ids = plan.staff().stream().map(GenerationPlan.Staff::userId).toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from app_user where id = any (?)")) {
            Array array = connection.createArrayOf("bigint", ids);
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != ids.length) {
                    throw new IllegalArgumentException("every user of the plan must exist in app_user");
                }
            }
        }
    }

    private static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Moves the table's identity sequence past a block of {@code count} ids and returns the block: it starts after
     * both the highest id in the table and the last id the sequence gave, so it collides with neither existing rows
     * nor rows the application inserts later.
     */
    private static IdRange reserveIds(Connection connection, String table, long count) throws SQLException {
        if (count == 0) {
            return new IdRange(1, 0);
        }
        String sql = """
                select setval(s.seq, greatest((select coalesce(max(id), 0) from %1$s),
                                              coalesce(pg_sequence_last_value(s.seq), 0)) + ?)
                from (select pg_get_serial_sequence('%1$s', 'id')::regclass seq) s""".formatted(table);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, count);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                return new IdRange(last - count + 1, count);
            }
        }
    }
}
