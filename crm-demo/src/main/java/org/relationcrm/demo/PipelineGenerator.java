package org.relationcrm.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

/**
 * Writes a realistic pipeline with COPY: deals over the last two years walked through their stages (won, lost or
 * still open), their stage history, concessions with and without counterparts (some waiting for approval), product
 * lines and people. Each deal is drawn from its own seeded random, so every table is written in its own pass,
 * streaming, without keeping rows in memory: 500 000 deals take the same memory as 500.
 */
@Component
public class PipelineGenerator {

    private static final Logger log = LoggerFactory.getLogger(PipelineGenerator.class);

    static final String[] OPEN = {"PROSPECTING", "QUALIFIED", "PROPOSAL", "NEGOTIATION"};
    /**
     * Chance of moving on from each open stage (else the deal is lost there), and the days a deal spends in it (the
     * least, then the spread above it): each stage its own, as in a real funnel, so that the dashboard's bars differ.
     * Many prospects are dropped quickly; a qualified deal usually gets its proposal, which then waits for an answer.
     */
    private static final double[] ADVANCE = {0.55, 0.8, 0.65, 0.85};
    private static final int[] MIN_DAYS = {2, 5, 10, 4};
    private static final int[] SPREAD_DAYS = {15, 30, 50, 25};
    private static final String[] LOST_REASONS = {"PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION", "TIMING",
            "PRODUCT_FIT", "RELATIONSHIP", "OTHER"};
    private static final String[] LOST_COMMENTS = {"Concurrent moins cher de 15 %", "Budget gelé jusqu'à l'an prochain",
            "Projet reporté par la direction", "Choix d'un intégrateur local", "Besoin finalement couvert en interne",
            "Pas de retour malgré trois relances", "Offre jugée trop complète pour leur taille"};
    private static final String[] NEXT_STEPS = {"Rappeler l'acheteuse", "Envoyer la proposition révisée",
            "Organiser une démo sur site", "Relancer pour la signature", "Préparer le devis détaillé",
            "Valider le périmètre avec la DSI", "Présenter l'offre au comité de direction",
            "Envoyer les références clients", "Planifier l'atelier de cadrage", "Confirmer le budget avec la DAF"};
    private static final String[] SOURCES = {"INBOUND", "OUTBOUND", "REFERRAL", "EVENT", "PARTNER", "EXISTING_CUSTOMER",
            "WEBSITE"};
    private static final String[] CONCESSION_TYPES = {"DISCOUNT", "DISCOUNT", "DISCOUNT", "PAYMENT_TERMS",
            "FREE_SERVICE", "DELIVERY", "EXTENDED_WARRANTY", "OTHER"};
    private static final String[] COUNTERPARTS = {"NONE", "NONE", "VOLUME", "LONGER_COMMITMENT", "FASTER_PAYMENT",
            "REFERRAL", "CASE_STUDY"};

    /** The catalogue, with stable codes other features rely on, and the deal sizes of each line. */
    public record Line(String code, String name, String description, int minAmount, int maxAmount, String deal) {
    }

    public static final List<Line> LINES = List.of(
            new Line("SOFTWARE", "Logiciel", "Licences et abonnements logiciels", 8_000, 120_000, "Licences %s"),
            new Line("MAINTENANCE", "Maintenance", "Contrats de maintenance", 3_000, 40_000, "Contrat de maintenance %s"),
            new Line("TRAINING", "Formation", "Formations des équipes", 2_000, 25_000, "Formation des équipes %s"),
            new Line("HARDWARE", "Matériel", "Postes, serveurs, équipements", 5_000, 150_000, "Renouvellement du parc %s"),
            new Line("CONSULTING", "Conseil", "Missions de conseil", 5_000, 80_000, "Mission de conseil %s"),
            new Line("PREMIUM_SUPPORT", "Support premium", "Support étendu 24/7", 3_000, 30_000, "Support premium %s"),
            new Line("HOSTING", "Hébergement", "Hébergement et infogérance", 4_000, 60_000, "Migration hébergement %s"),
            new Line("AUDIT", "Audit", "Audits sécurité et conformité", 6_000, 45_000, "Audit sécurité %s"));

    /** Who sells, and who approves. */
    public record Team(long[] reps, long managerId) {
    }

    /** What was written, per table. */
    public record Report(long opportunities, long stageChanges, long concessions, long millis) {
    }

    private final DataSource dataSource;

    PipelineGenerator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the product lines that do not exist yet (by code) and returns every line's id by code. */
    public Map<String, Long> ensureProductLines(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into product_line (code, name, description) values (?, ?, ?) on conflict (code) do nothing""")) {
            for (Line line : LINES) {
                insert.setString(1, line.code());
                insert.setString(2, line.name());
                insert.setString(3, line.description());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select code, id from product_line")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /**
     * Writes {@code count} deals on the given companies. {@code withPeople} also links each deal to its company's
     * primary contact (demo data; skipped at benchmark scale).
     */
    public Report generate(int count, long seed, Team team, Instant now, ZoneId zone, boolean withPeople) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Long> lineIds = ensureProductLines(connection);
                long[] companies = longs(connection, "select id from company order by id");
                if (companies.length == 0 || team.reps().length == 0) {
                    connection.rollback();
                    return new Report(0, 0, 0, 0);
                }
                Map<Long, Long> primary = new HashMap<>();
                if (withPeople) {
                    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                            "select company_id, min(id) from contact where company_id is not null group by company_id")) {
                        while (rs.next()) {
                            primary.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
                long firstId = reserve(connection, "opportunity", count);
                long firstChange = reserve(connection, "opportunity_stage_change", (long) count * 6);
                long firstConcession = reserve(connection, "concession", (long) count * 2);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long[] written = new long[3];
                List<Line> lines = LINES;
                // pass 1: deals
                stream(copy, """
                        copy opportunity (id, company_id, title, amount, currency, stage, probability, expected_close_on,
                            owner_id, source, next_step, next_step_due, lost_reason, lost_comment, created_at,
                            stage_entered_at, last_activity_at, closed_at) from stdin""", out -> {
                    for (int i = 0; i < count; i++) {
                        Deal d = deal(i, seed, team, companies, now, zone, lines);
                        out.row(firstId + i, d.companyId, d.title, d.amount, "EUR", d.stage, d.probability(),
                                d.expectedClose, d.owner, d.source, d.nextStep, d.nextDue, d.lostReason, d.lostComment,
                                d.created, d.stageEntered, d.lastActivity, d.closed);
                        written[0]++;
                    }
                });
                // pass 2: stage history
                stream(copy, """
                        copy opportunity_stage_change (id, opportunity_id, from_stage, from_entered_at, to_stage,
                            changed_at, changed_by) from stdin""", out -> {
                    long id = firstChange;
                    for (int i = 0; i < count; i++) {
                        Deal d = deal(i, seed, team, companies, now, zone, lines);
                        for (Move m : d.moves) {
                            out.row(id++, firstId + i, m.from, m.fromEntered, m.to, m.at, d.owner);
                            written[1]++;
                        }
                    }
                });
                // pass 3: concessions
                stream(copy, """
                        copy concession (id, opportunity_id, type, value_kind, value, money_value, counterpart,
                            counterpart_detail, granted_by, granted_at, approval, decided_by, decided_at) from stdin""",
                        out -> {
                    long id = firstConcession;
                    for (int i = 0; i < count; i++) {
                        Deal d = deal(i, seed, team, companies, now, zone, lines);
                        for (Given k : d.concessions) {
                            out.row(id++, firstId + i, k.type, k.kind, k.value, k.money, k.counterpart, k.detail,
                                    d.owner, k.at, k.approval, k.decidedAt == null ? null : team.managerId(), k.decidedAt);
                            written[2]++;
                        }
                    }
                });
                // pass 4: product lines (and people)
                stream(copy, "copy opportunity_product_line (opportunity_id, product_line_id) from stdin", out -> {
                    for (int i = 0; i < count; i++) {
                        Deal d = deal(i, seed, team, companies, now, zone, lines);
                        for (String code : d.lineCodes) {
                            out.row(firstId + i, lineIds.get(code));
                        }
                    }
                });
                if (withPeople) {
                    stream(copy, "copy opportunity_contact (opportunity_id, contact_id) from stdin", out -> {
                        for (int i = 0; i < count; i++) {
                            Deal d = deal(i, seed, team, companies, now, zone, lines);
                            Long contact = primary.get(d.companyId);
                            if (contact != null) {
                                out.row(firstId + i, contact);
                            }
                        }
                    });
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("analyze opportunity, opportunity_stage_change, concession, opportunity_product_line, opportunity_contact");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Report report = new Report(count, countOf(connection, "opportunity_stage_change"),
                    countOf(connection, "concession"), millis);
            log.info("Pipeline generated in {} ms: {} deals", millis, count);
            return report;
        } catch (SQLException | IOException e) {
            throw new UncategorizedSQLException("generating the pipeline", null,
                    e instanceof SQLException sql ? sql : new SQLException(e));
        }
    }

    private record Move(String from, Instant fromEntered, String to, Instant at) {
    }

    private record Given(String type, String kind, BigDecimal value, BigDecimal money, String counterpart, String detail,
                         Instant at, String approval, Instant decidedAt) {
    }

    private static final class Deal {
        long companyId;
        long owner;
        String title;
        BigDecimal amount;
        String stage;
        LocalDate expectedClose;
        String source;
        String nextStep;
        LocalDate nextDue;
        String lostReason;
        String lostComment;
        Instant created;
        Instant stageEntered;
        Instant lastActivity;
        Instant closed;
        List<String> lineCodes = new ArrayList<>(2);
        List<Move> moves = new ArrayList<>(6);
        List<Given> concessions = new ArrayList<>(2);

        int probability() {
            return switch (stage) {
                case "PROSPECTING" -> 10;
                case "QUALIFIED" -> 25;
                case "PROPOSAL" -> 50;
                case "NEGOTIATION" -> 75;
                case "WON" -> 100;
                default -> 0;
            };
        }
    }

    /** Deal number {@code i}, the same every time it is drawn. */
    private static Deal deal(int i, long seed, Team team, long[] companies, Instant now, ZoneId zone, List<Line> lines) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        Deal d = new Deal();
        d.companyId = companies[r.nextInt(companies.length)];
        d.owner = team.reps()[r.nextInt(team.reps().length)];
        Line line = lines.get(r.nextInt(lines.size()));
        d.lineCodes.add(line.code());
        int amount = line.minAmount() + r.nextInt(line.maxAmount() - line.minAmount());
        if (r.nextInt(4) == 0) {
            Line second = lines.get(r.nextInt(lines.size()));
            if (!second.code().equals(line.code())) {
                d.lineCodes.add(second.code());
                amount += second.minAmount() + r.nextInt(Math.max(1, (second.maxAmount() - second.minAmount()) / 3));
            }
        }
        d.amount = BigDecimal.valueOf(Math.round(amount / 100.0) * 100L).setScale(2, RoundingMode.UNNECESSARY);
        d.source = SOURCES[r.nextInt(SOURCES.length)];
        // a deal opened in the last two years, more of them recently
        long ageSeconds = (long) (Math.pow(r.nextDouble(), 2.0) * 730 * 86_400);
        d.created = now.minusSeconds(ageSeconds).truncatedTo(ChronoUnit.SECONDS);
        d.title = line.deal().formatted(LocalDate.ofInstant(d.created, zone).getYear());
        int stageIndex = r.nextInt(5) == 0 ? 1 : 0;
        Instant at = d.created;
        d.moves.add(new Move(null, null, OPEN[stageIndex], at));
        String stage = OPEN[stageIndex];
        Instant entered = at;
        boolean closed = false;
        while (true) {
            Instant next = entered.plusSeconds((MIN_DAYS[stageIndex] + r.nextInt(SPREAD_DAYS[stageIndex])) * 86_400L
                    + r.nextInt(28_800));
            if (next.isAfter(now)) {
                break;
            }
            boolean advance = r.nextDouble() < ADVANCE[stageIndex];
            if (stageIndex == 3 || !advance) {
                String to = advance ? "WON" : "LOST";
                if (stageIndex == 3) {
                    maybeConcede(d, r, entered, next, true);
                }
                d.moves.add(new Move(stage, entered, to, next));
                stage = to;
                entered = next;
                closed = true;
                break;
            }
            d.moves.add(new Move(stage, entered, OPEN[stageIndex + 1], next));
            stageIndex++;
            stage = OPEN[stageIndex];
            entered = next;
        }
        d.stage = stage;
        d.stageEntered = entered;
        if (closed) {
            d.closed = entered;
            d.lastActivity = entered;
            d.expectedClose = LocalDate.ofInstant(entered, zone);
            if (stage.equals("LOST")) {
                d.lostReason = LOST_REASONS[r.nextInt(LOST_REASONS.length)];
                d.lostComment = LOST_COMMENTS[r.nextInt(LOST_COMMENTS.length)];
            }
        } else {
            if (stage.equals("NEGOTIATION")) {
                maybeConcede(d, r, entered, now, false);
            }
            long sinceEntered = Math.max(0, ChronoUnit.SECONDS.between(entered, now));
            // most deals were touched recently; one in three has not been since it entered its stage
            d.lastActivity = r.nextInt(3) == 0 ? entered
                    : entered.plusSeconds((long) (sinceEntered * (0.6 + 0.4 * r.nextDouble())));
            for (Given k : d.concessions) {
                if (k.at().isAfter(d.lastActivity)) {
                    d.lastActivity = k.at();
                }
            }
            LocalDate today = LocalDate.ofInstant(now, zone);
            d.expectedClose = today.plusDays(7 + r.nextInt(170));
            if (r.nextInt(10) != 0) { // one in ten was imported without a next step
                d.nextStep = NEXT_STEPS[r.nextInt(NEXT_STEPS.length)];
                d.nextDue = today.plusDays(r.nextInt(25) - 8);
            }
        }
        return d;
    }

    private static void maybeConcede(Deal d, SplittableRandom r, Instant from, Instant to, boolean decided) {
        if (r.nextInt(10) >= 6) {
            return;
        }
        int n = 1 + r.nextInt(2);
        long span = Math.max(60, ChronoUnit.SECONDS.between(from, to));
        for (int j = 0; j < n; j++) {
            String type = CONCESSION_TYPES[r.nextInt(CONCESSION_TYPES.length)];
            String counterpart = COUNTERPARTS[r.nextInt(COUNTERPARTS.length)];
            Instant at = from.plusSeconds((long) (span * r.nextDouble() * 0.9));
            BigDecimal value;
            BigDecimal money;
            String kind;
            String approval = "NOT_REQUIRED";
            Instant decidedAt = null;
            if (type.equals("DISCOUNT") || r.nextBoolean()) {
                kind = "PERCENT";
                int pct = type.equals("DISCOUNT") ? 3 + r.nextInt(16) : 2 + r.nextInt(6);
                value = BigDecimal.valueOf(pct).setScale(2, RoundingMode.UNNECESSARY);
                money = d.amount.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                if (type.equals("DISCOUNT") && pct > 10) {
                    if (decided) {
                        approval = "APPROVED";
                        decidedAt = at.plusSeconds(3_600 + r.nextInt(86_400));
                    } else {
                        approval = "PENDING";
                    }
                }
            } else {
                kind = "AMOUNT";
                value = BigDecimal.valueOf(Math.max(100, Math.round(d.amount.doubleValue() * (0.02 + 0.06 * r.nextDouble()) / 100) * 100L))
                        .setScale(2, RoundingMode.UNNECESSARY);
                money = value;
            }
            String detail = switch (counterpart) {
                case "VOLUME" -> "Commande portée à " + (20 + r.nextInt(80)) + " postes";
                case "LONGER_COMMITMENT" -> "Engagement sur " + (2 + r.nextInt(3)) + " ans";
                case "FASTER_PAYMENT" -> "Paiement à 15 jours";
                case "REFERRAL" -> "Présentation à une filiale du groupe";
                case "CASE_STUDY" -> "Témoignage sur notre site";
                default -> null;
            };
            d.concessions.add(new Given(type, kind, value, money, counterpart, detail, at, approval, decidedAt));
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Rows out) throws IOException;
    }

    /** Rows in COPY text format, written to PostgreSQL in 1 MB chunks. */
    private static final class Rows extends Writer {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        Rows(CopyIn copy) {
            this.copy = copy;
        }

        void row(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else if (v instanceof String s) {
                    for (int c = 0; c < s.length(); c++) {
                        char ch = s.charAt(c);
                        switch (ch) {
                            case '\\' -> buffer.append("\\\\");
                            case '\t' -> buffer.append("\\t");
                            case '\n' -> buffer.append("\\n");
                            default -> buffer.append(ch);
                        }
                    }
                } else if (v instanceof BigDecimal b) {
                    buffer.append(b.toPlainString());
                } else {
                    buffer.append(v);
                }
            }
            buffer.append('\n');
            if (buffer.length() > (1 << 20) - 4096) {
                flush();
            }
        }

        @Override
        public void write(char[] chars, int off, int len) {
            buffer.append(chars, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IOException(e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() {
        }
    }

    private static void stream(CopyManager copy, String sql, RowWriter writer) throws SQLException, IOException {
        CopyIn in = copy.copyIn(sql);
        try {
            Rows rows = new Rows(in);
            writer.write(rows);
            rows.flush();
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static long reserve(Connection connection, String table, long count) throws SQLException {
        String sql = """
                select setval(s.seq, greatest((select coalesce(max(id), 0) from %1$s),
                                              coalesce(pg_sequence_last_value(s.seq), 0)) + ?)
                from (select pg_get_serial_sequence('%1$s', 'id')::regclass seq) s""".formatted(table);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, count);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    private static long[] longs(Connection connection, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long countOf(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
