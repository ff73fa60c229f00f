package org.relationcrm.feedback.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.UpcomingDate;
import org.relationcrm.feedback.ChurnRisk;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintQueue;
import org.relationcrm.feedback.ComplaintRow;
import org.relationcrm.feedback.ComplaintSort;
import org.relationcrm.feedback.ComplaintStatus;
import org.relationcrm.feedback.FeedbackCard;
import org.relationcrm.feedback.internal.FeedbackQueries;
import org.relationcrm.feedback.HeldLine;
import org.relationcrm.feedback.RiskReason;
import org.relationcrm.feedback.RiskSort;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.SilentClient;
import org.relationcrm.feedback.SilentSort;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyRow;
import org.relationcrm.feedback.SurveyTheme;
import org.relationcrm.feedback.SurveyTrigger;
import org.relationcrm.feedback.WhitespaceRow;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.persistence.SortedPage;
import org.relationcrm.shared.persistence.SortedPage.Segment;

/** The feedback read side in plain SQL: one statement per list, two for the 360° card. */
@Repository
class SqlFeedbackQueries implements FeedbackQueries {

    private static final int CARD_COMPLAINTS = 10;
    private static final int CARD_SURVEYS = 5;

    private static final String COMPLAINT_COLUMNS = """
            select k.id, k.company_id, co.name company_name, concat_ws(' ', p.first_name, p.last_name) contact_name,
                   k.category, k.severity, k.status, u.full_name owner_name, k.opened_at, k.first_response_due,
                   k.first_response_at, k.resolution_due, k.escalation_level, k.escalation_reason,
                   (k.status in ('OPEN', 'IN_PROGRESS') and k.resolution_due < now()) breached,
                   (k.status in ('OPEN', 'IN_PROGRESS') and k.resolution_due >= now()
                        and k.resolution_due < now() + (k.resolution_due - k.opened_at) * 0.2) soon_due,
                   (k.first_response_at is null and k.status in ('OPEN', 'IN_PROGRESS')
                        and k.first_response_due < now()) response_breached,
                   k.subject
            """;
    private static final String COMPLAINT_FROM = """
            from complaint k
            join company co on co.id = k.company_id
            join app_user u on u.id = k.owner_id
            left join contact p on p.id = k.contact_id
            """;

    /**
     * The SQL of each sort key: the only text a sort puts into the statement. Codes sort in their enum's order (a
     * severity from low to critical), names as the clients list sorts them (lower case, no accents, byte order).
     * The queue holds open complaints only, found by the partial indexes of V10 and V29: the default order walks
     * {@code complaint_open_queue_idx}; another column sorts those open cases (hundreds, a few thousand at most).
     */
    private static final Map<ComplaintSort.Key, List<String>> SORT_EXPRESSIONS = Map.of(
            ComplaintSort.Key.CLIENT, List.of("co.sort_name"),
            ComplaintSort.Key.SUBJECT, List.of("relation_fold(k.subject) collate \"C\""),
            ComplaintSort.Key.CATEGORY, List.of(ordinal("k.category", ComplaintCategory.values())),
            ComplaintSort.Key.SEVERITY, List.of(ordinal("k.severity", Severity.values())),
            ComplaintSort.Key.STATUS, List.of(ordinal("k.status", ComplaintStatus.values())),
            ComplaintSort.Key.OWNER, List.of("relation_fold(u.full_name) collate \"C\""),
            // still waiting for an answer first, nearest due date first
            ComplaintSort.Key.FIRST_RESPONSE, List.of("(k.first_response_at is not null)", "k.first_response_due"),
            ComplaintSort.Key.RESOLUTION, List.of("k.resolution_due"),
            ComplaintSort.Key.ESCALATION, List.of("k.escalation_level"));

    private final JdbcClient jdbc;

    SqlFeedbackQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public FeedbackCard card(long companyId) {
        ChurnRisk risk = jdbc.sql("""
                        select z.*, u.full_name owner_name,
                               least(100, z.silence_points + z.nps_points + z.complaint_points + z.sentiment_points
                               + z.won_drop_points + z.breadth_points + z.delivery_points + z.invoice_points
                               + z.order_drop_points) score
                        from churn_score z join app_user u on u.id = z.owner_id
                        where z.company_id = :id
                        """)
                .param("id", companyId)
                .query((rs, n) -> risk(rs))
                .optional().orElse(null);
        List<ComplaintRow> complaints = new ArrayList<>();
        List<SurveyRow> surveys = new ArrayList<>();
        List<HeldLine> lines = new ArrayList<>();
        // complaints (open first, then the last closed), last surveys, and every catalogue line held or not: one statement
        jdbc.sql("""
                        select 'C' part, c.*, null::bigint n2, null::varchar a5, null::varchar a6, null::varchar a7,
                               null::timestamptz t4, null::boolean b4, null::int ord
                        from (%s %s
                              where k.company_id = :id
                              order by (k.status in ('OPEN', 'IN_PROGRESS')) desc, k.opened_at desc
                              limit %d) c
                        union all
                        select 'S', s.id, s.company_id, null, concat_ws(' ', p.first_name, p.last_name), s.kind, s.trigger_kind,
                               s.theme, null, s.sent_at, s.expires_at, s.answered_at, null, s.score, s.comment,
                               s.sent_by_email, false, false, null, s.contact_id, s.token, s.version::varchar, null, null,
                               null, row_number() over ()
                        from (select * from survey where company_id = :id and sent_at is not null
                              order by coalesce(answered_at, sent_at) desc, id desc limit %d) s
                        join contact p on p.id = s.contact_id
                        union all
                        select 'L', l.id, null, null, null, l.code, l.name, h.source, null, null, null, null, null,
                               null, null, h.company_id is not null, false, false, null, null, null, null, null,
                               h.since::timestamptz, l.active, null
                        from product_line l
                        left join customer_product_line h on h.product_line_id = l.id and h.company_id = :id
                        where l.active or h.company_id is not null
                        """.formatted(COMPLAINT_COLUMNS, COMPLAINT_FROM, CARD_COMPLAINTS, CARD_SURVEYS))
                .param("id", companyId)
                .query(rs -> {
                    switch (rs.getString("part")) {
                        case "C" -> complaints.add(complaint(rs));
                        case "S" -> surveys.add(new SurveyRow(rs.getLong("id"), SurveyKind.valueOf(rs.getString("category")),
                                rs.getLong("n2"), rs.getString("contact_name"),
                                SurveyTrigger.valueOf(rs.getString("severity")), instant(rs, "opened_at"),
                                rs.getBoolean("breached"), instant(rs, "first_response_due"),
                                instant(rs, "first_response_at"), (Integer) rs.getObject("escalation_level"),
                                rs.getString("escalation_reason"),
                                rs.getString("status") == null ? null : SurveyTheme.valueOf(rs.getString("status")),
                                rs.getString("a5"), Long.parseLong(rs.getString("a6"))));
                        default -> {
                            Timestamp since = rs.getTimestamp("t4");
                            lines.add(new HeldLine(rs.getLong("id"), rs.getString("category"), rs.getString("severity"),
                                    rs.getBoolean("breached"), rs.getString("status"),
                                    since == null ? null : since.toLocalDateTime().toLocalDate()));
                        }
                    }
                });
        surveys.sort((a, b) -> Long.compare(b.id(), a.id()));
        lines.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return new FeedbackCard(risk, complaints, surveys, lines);
    }

    @Override
    public Slice<ComplaintRow, String> queue(ComplaintQueue which, long userId, ComplaintSort sort, String after,
                                             int limit) {
        String filter = switch (which) {
            case ALL -> "";
            case AT_RISK -> " and (k.resolution_due < now() + (k.resolution_due - k.opened_at) * 0.2"
                    + " or (k.first_response_at is null and k.first_response_due < now()))";
            case ESCALATED -> " and k.escalation_level > 0";
            case MINE -> " and k.owner_id = :user";
        };
        List<String> keys = new ArrayList<>(SORT_EXPRESSIONS.get(sort.key()));
        keys.add("k.id");
        String row = String.join(", ", keys);
        String direction = sort.descending() ? " desc" : "";
        // the cursor is the last complaint shown: its sort values are read again here, so any column pages alike
        String keyset = after == null ? "" : " and (%s) %s (select %s %s where k.id = :after)"
                .formatted(row, sort.descending() ? "<" : ">", row, COMPLAINT_FROM);
        var statement = jdbc.sql(COMPLAINT_COLUMNS + COMPLAINT_FROM + """
                        where k.status in ('OPEN', 'IN_PROGRESS') %s %s
                        order by %s
                        limit :limit
                        """.formatted(filter, keyset, String.join(", ", keys.stream().map(e -> e + direction).toList())))
                .param("limit", limit + 1);
        if (which == ComplaintQueue.MINE) {
            statement = statement.param("user", userId);
        }
        if (after != null) {
            statement = statement.param("after", complaintCursor(after));
        }
        List<ComplaintRow> rows = statement.query((rs, n) -> complaint(rs)).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<ComplaintRow> page = rows.subList(0, limit);
        return new Slice<>(page, Long.toString(page.getLast().id()));
    }

    /** A code column as its rank in the enum: {@code array_position(array['LOW', 'MEDIUM', …], column)}. */
    private static String ordinal(String column, Enum<?>[] values) {
        return "array_position(array[%s]::varchar[], %s)".formatted(
                String.join(", ", java.util.Arrays.stream(values).map(v -> "'" + v.name() + "'").toList()), column);
    }

    /** A complaint queue's cursor: the number of the last complaint shown. Anything else is a bad link (400). */
    private static long complaintCursor(String after) {
        try {
            long id = Long.parseLong(after);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("invalid page cursor");
    }

    @Override
    public ComplaintRow complaint(long id) {
        return jdbc.sql(COMPLAINT_COLUMNS + COMPLAINT_FROM + """
                        where k.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> complaint(rs))
                .optional().orElseThrow(() -> new NotFoundException("Complaint", id));
    }

    private static ComplaintRow complaint(ResultSet rs) throws SQLException {
        String contact = rs.getString("contact_name");
        return new ComplaintRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                contact == null || contact.isBlank() ? null : contact, rs.getString("subject"),
                ComplaintCategory.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getString("owner_name"),
                instant(rs, "opened_at"), instant(rs, "first_response_due"), instant(rs, "first_response_at"),
                instant(rs, "resolution_due"), rs.getInt("escalation_level"), rs.getString("escalation_reason"),
                rs.getBoolean("breached"), rs.getBoolean("soon_due"), rs.getBoolean("response_breached"));
    }

    /** The columns of a risk or silent-client row: the row of the churn-risk table, its id named id. */
    private static final String RISK_COLUMNS = "z.*, z.company_id id";

    @Override
    public Slice<ChurnRisk, SortCursor> riskiest(Long ownerId, ListSort<RiskSort> sort, SortCursor after,
                                                 int limit) {
        String from = "from churn_risk z where true" + (ownerId == null ? "" : " and z.owner_id = :owner");
        String key = switch (sort.column()) {
            case SCORE -> "z.score";
            case CLIENT -> "z.company_sort";
            case OWNER -> "z.owner_sort";
        };
        SortedPage page = new SortedPage(sort.column().key(), sort.descending(), after);
        var statement = page.bind(jdbc.sql(sortedRiskRows(page,
                        List.of(Segment.withValue(0, RISK_COLUMNS, from, key, "z.company_id"))))
                .param("limit", limit + 1));
        if (ownerId != null) {
            statement = statement.param("owner", ownerId);
        }
        String code = sort.code();
        return slice(statement.query((rs, n) -> new Sorted<>(risk(rs), page.cursorAt(rs, code))).list(), limit);
    }

    /** The rows of the segments in the page's order, with their owner's name. */
    private static String sortedRiskRows(SortedPage page, List<Segment> segments) {
        return """
                select r.*, u.full_name owner_name, (current_date - r.silent_since::date) silent_days_now
                from (select * from (%s) segments order by %s limit :limit) r
                join app_user u on u.id = r.owner_id
                order by %s
                """.formatted(page.union(segments), page.order(null), page.order("r"));
    }

    /** A row and the cursor of the page that would start after it. */
    private record Sorted<T>(T row, SortCursor cursor) {
    }

    private static <T> Slice<T, SortCursor> slice(List<Sorted<T>> rows, int limit) {
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(Sorted::row).toList(), null);
        }
        List<Sorted<T>> page = rows.subList(0, limit);
        return new Slice<>(page.stream().map(Sorted::row).toList(), page.getLast().cursor());
    }

    private static ChurnRisk risk(ResultSet rs) throws SQLException {
        List<RiskReason> reasons = new ArrayList<>();
        // silence, counted from the last exchange or signature, or from the client's creation if neither
        reason(reasons, rs, "silence_points", rs.getTimestamp("last_contact_at") == null ? "NEVER" : "SILENT",
                String.valueOf(rs.getInt("silent_days")));
        reason(reasons, rs, "nps_points", "NPS", String.valueOf(rs.getObject("last_nps")));
        reason(reasons, rs, "complaint_points", rs.getInt("breached_complaints") > 0 ? "BREACHED_COMPLAINT" : "OPEN_COMPLAINT",
                String.valueOf(rs.getInt("breached_complaints") > 0 ? rs.getInt("breached_complaints") : rs.getInt("open_complaints")));
        reason(reasons, rs, "sentiment_points", "NEGATIVE", String.valueOf(rs.getInt("negative_exchanges")));
        // nothing signed in 12 months is said in months since the last signature, not as a drop of 100 %
        boolean nothingSigned = rs.getBigDecimal("won_recent").signum() == 0;
        reason(reasons, rs, "won_drop_points", nothingSigned ? "NOTHING_SIGNED" : "WON_DROP",
                String.valueOf(nothingSigned ? rs.getInt("months_since_won") : rs.getInt("won_drop_percent")));
        // a client with no line on record is not one that "added no new line"
        int linesHeld = rs.getInt("lines_held");
        reason(reasons, rs, "breadth_points", linesHeld == 0 ? "NO_LINE" : "NO_BREADTH", String.valueOf(linesHeld));
        // the order desk's signals (V39): late deliveries, overdue invoices, orders halved
        reason(reasons, rs, "delivery_points", "LATE_DELIVERY", String.valueOf(rs.getInt("late_deliveries")));
        reason(reasons, rs, "invoice_points", "OVERDUE_INVOICE", String.valueOf(rs.getInt("overdue_invoices")));
        reason(reasons, rs, "order_drop_points", "ORDERS_HALVED", String.valueOf(rs.getInt("order_drop_percent")));
        reasons.sort((a, b) -> Integer.compare(b.points(), a.points()));
        Date lastWon = rs.getDate("last_won_on");
        return new ChurnRisk(rs.getLong("company_id"), rs.getString("company_name"), rs.getLong("owner_id"),
                rs.getString("owner_name"), Math.min(100, rs.getInt("score")), List.copyOf(reasons),
                instant(rs, "last_at"), lastWon == null ? null : lastWon.toLocalDate());
    }

    private static void reason(List<RiskReason> reasons, ResultSet rs, String column, String code, String value)
            throws SQLException {
        int points = rs.getInt(column);
        if (points > 0) {
            reasons.add(new RiskReason(code, points, value));
        }
    }

    @Override
    public void refreshRisk() {
        jdbc.sql("refresh materialized view concurrently churn_risk").update();
    }

    @Override
    public Slice<SilentClient, SortCursor> silent(Long ownerId, int days, ListSort<SilentSort> sort, SortCursor after,
                                                  int limit) {
        String from = "from churn_risk z where z.silent_since < now() - make_interval(days => :days)"
                + (ownerId == null ? "" : " and z.owner_id = :owner");
        List<Segment> segments = switch (sort.column()) {
            case SILENCE -> List.of(Segment.withValue(0, RISK_COLUMNS, from, "z.silent_since", "z.company_id"));
            case CLIENT -> List.of(Segment.withValue(0, RISK_COLUMNS, from, "z.company_sort", "z.company_id"));
            case OWNER -> List.of(Segment.withValue(0, RISK_COLUMNS, from, "z.owner_sort", "z.company_id"));
            // silent means no exchange and no signature since then: said again on the sorted column, so that its index
            // starts there instead of reading past the recent ones
            case LAST_EXCHANGE -> List.of(
                    Segment.withValue(0, RISK_COLUMNS, from + " and z.last_at < now() - make_interval(days => :days)",
                            "z.last_at", "z.company_id"),
                    Segment.withoutValue(0, RISK_COLUMNS, from + " and z.last_at is null", "z.company_id"));
            case LAST_SIGNATURE -> List.of(
                    Segment.withValue(0, RISK_COLUMNS, from + " and z.last_won_on <= current_date - :days",
                            "z.last_won_on", "z.company_id"),
                    Segment.withoutValue(0, RISK_COLUMNS, from + " and z.last_won_on is null", "z.company_id"));
        };
        // the longest silence is the earliest start of silence: the column's descending is the key's ascending
        boolean descending = sort.column() == SilentSort.SILENCE ? !sort.descending() : sort.descending();
        SortedPage page = new SortedPage(sort.column().key(), descending, after);
        var statement = page.bind(jdbc.sql(sortedRiskRows(page, segments)).param("days", days).param("limit", limit + 1));
        if (ownerId != null) {
            statement = statement.param("owner", ownerId);
        }
        String code = sort.code();
        return slice(statement.query((rs, n) -> {
            Date won = rs.getDate("last_won_on");
            return new Sorted<>(new SilentClient(rs.getLong("company_id"), rs.getString("company_name"),
                    rs.getLong("owner_id"), rs.getString("owner_name"), instant(rs, "last_at"),
                    won == null ? null : won.toLocalDate(), instant(rs, "silent_since"), rs.getInt("silent_days_now")),
                    page.cursorAt(rs, code));
        }).list(), limit);
    }

    @Override
    public List<UpcomingDate> upcomingDates(Long ownerId, int days, int limit) {
        var statement = jdbc.sql("""
                        select * from (
                            select k.id contact_id, concat_ws(' ', k.first_name, k.last_name) contact_name, d.label,
                                   d.the_date, co.name company_name,
                                   case when n.this_year >= current_date then n.this_year
                                        else (d.the_date + make_interval(years => extract(year from current_date)::int + 1
                                                                                  - extract(year from d.the_date)::int))::date
                                   end next_date
                            from contact_important_date d
                            join contact k on k.id = d.contact_id
                            left join company co on co.id = k.company_id
                            cross join lateral (
                                select (d.the_date + make_interval(years => extract(year from current_date)::int
                                                                            - extract(year from d.the_date)::int))::date this_year) n
                            where true %s) u
                        where u.next_date <= current_date + :days
                        order by u.next_date, u.contact_name
                        limit :limit
                        """.formatted(ownerId == null ? "" : " and co.owner_id = :owner"))
                .param("days", days).param("limit", limit);
        if (ownerId != null) {
            statement = statement.param("owner", ownerId);
        }
        return statement.query((rs, n) -> new UpcomingDate(rs.getLong("contact_id"),
                rs.getString("contact_name") + (rs.getString("company_name") == null ? "" : " (" + rs.getString("company_name") + ")"),
                rs.getString("label"), rs.getDate("next_date").toLocalDate(), rs.getDate("the_date").toLocalDate()))
                .list();
    }

    @Override
    public List<WhitespaceRow> whitespace(String sector, Long ownerId, int limit) {
        var statement = jdbc.sql("""
                        with customers as (
                            select c.id, c.name from company c
                            where c.status = 'CUSTOMER' %s %s),
                        lines as (select id, row_number() over (order by name, id) pos from product_line where active),
                        adoption as (
                            select l.id line_id, l.pos,
                                   round(100.0 * count(h.company_id) / greatest((select count(*) from customers), 1)) rate
                            from lines l
                            left join customer_product_line h on h.product_line_id = l.id
                                 and h.company_id in (select id from customers)
                            group by l.id, l.pos)
                        select cu.id, cu.name,
                               array_agg(a.line_id order by a.pos) line_ids,
                               array_agg(h.company_id is not null order by a.pos) held,
                               coalesce(sum(a.rate) filter (where h.company_id is null), 0)::int opportunity
                        from customers cu
                        cross join adoption a
                        left join customer_product_line h on h.company_id = cu.id and h.product_line_id = a.line_id
                        group by cu.id, cu.name
                        having count(h.company_id) > 0
                        order by opportunity desc, cu.name, cu.id
                        limit :limit
                        """.formatted(sector == null ? "" : " and c.sector = :sector",
                        ownerId == null ? "" : " and c.owner_id = :owner"))
                .param("limit", limit);
        if (sector != null) {
            statement = statement.param("sector", sector);
        }
        if (ownerId != null) {
            statement = statement.param("owner", ownerId);
        }
        return statement.query((rs, n) -> new WhitespaceRow(rs.getLong("id"), rs.getString("name"),
                Arrays.asList((Long[]) rs.getArray("line_ids").getArray()),
                Arrays.asList((Boolean[]) rs.getArray("held").getArray()), rs.getInt("opportunity"))).list();
    }

    @Override
    public List<String> sectors() {
        return jdbc.sql("select distinct sector from company where sector is not null and status = 'CUSTOMER' order by 1 limit 200")
                .query(String.class).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * The two parts of a page cursor written by this class ("a_b"). A cursor comes back in a link, so anything else
     * is a bad link: an IllegalArgumentException (the 400 page), never an index error or a query PostgreSQL refuses.
     */
    private static String[] cursorParts(String after) {
        String[] parts = after.split("_");
        if (parts.length != 2) {
            throw new IllegalArgumentException("invalid page cursor");
        }
        return parts;
    }

    private static Instant cursorInstant(String epochMillis) {
        Instant instant = Instant.ofEpochMilli(Long.parseLong(epochMillis));
        if (!SaneDates.contains(instant)) {
            throw new IllegalArgumentException("invalid page cursor");
        }
        return instant;
    }
}
