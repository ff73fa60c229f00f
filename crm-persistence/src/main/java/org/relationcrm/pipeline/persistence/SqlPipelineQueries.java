package org.relationcrm.pipeline.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.pipeline.CompanyPipeline;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.DashboardFilter;
import org.relationcrm.pipeline.DueStep;
import org.relationcrm.pipeline.MeetingContext;
import org.relationcrm.pipeline.MeetingRow;
import org.relationcrm.pipeline.OpportunityRow;
import org.relationcrm.pipeline.PendingConcession;
import org.relationcrm.pipeline.PipelineDashboard;
import org.relationcrm.pipeline.PipelineQueries;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.TeamMemberLoad;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.pipeline.WonDealRow;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.persistence.EventArgs;

/** The pipeline's lists and dashboard in SQL: every total, rate and average is computed by PostgreSQL. */
@Repository
class SqlPipelineQueries implements PipelineQueries {

    /**
     * The open stages as an SQL list, from {@link Stage#open()}: written into the statements (not bound), so that
     * PostgreSQL matches them with the open-deal partial indexes. The database's own copy is the table
     * pipeline_stage (V26), which StageOrderTests holds to the enum.
     */
    static final String OPEN = Arrays.stream(Stage.open()).map(stage -> "'" + stage.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    /** A deal as lists show it ({@link #row}); closed_at for the board's keyset over closed deals. */
    static final String ROW = """
            select o.id, o.version, o.company_id, c.name company_name, o.title, o.amount, o.currency, o.stage,
                   o.probability, o.expected_close_on, o.owner_id, u.full_name owner_name, o.next_step,
                   o.next_step_due, o.last_activity_at, o.closed_at
            from opportunity o
            join company c on c.id = o.company_id
            join app_user u on u.id = o.owner_id
            """;

    private final JdbcClient jdbc;

    SqlPipelineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement: the won and lost totals, always one row, joined to the open deals (none: one row whose deal
     * columns are null).
     */
    @Override
    public CompanyPipeline ofCompany(long companyId, int limit) {
        var open = new ArrayList<OpportunityRow>();
        long[] won = {0};
        long[] lost = {0};
        BigDecimal[] wonAmount = {BigDecimal.ZERO};
        jdbc.sql("""
                        select o.*, t.won, t.lost, t.won_amount
                        from (select count(*) filter (where stage = 'WON') won, count(*) filter (where stage = 'LOST') lost,
                                     coalesce(sum(amount) filter (where stage = 'WON'), 0) won_amount
                              from opportunity where company_id = :id and stage in ('WON', 'LOST')) t
                        left join lateral (%s where o.company_id = :id and o.stage in %s
                                           order by o.expected_close_on, o.id limit :limit) o on true
                        order by o.expected_close_on, o.id""".formatted(ROW, OPEN))
                .param("id", companyId).param("limit", limit)
                .query(rs -> {
                    won[0] = rs.getLong("won");
                    lost[0] = rs.getLong("lost");
                    wonAmount[0] = rs.getBigDecimal("won_amount");
                    if (rs.getObject("id") != null) {
                        open.add(row(rs));
                    }
                });
        return new CompanyPipeline(List.copyOf(open), won[0], lost[0], wonAmount[0]);
    }

    @Override
    public List<OpportunityRow> openOfCompany(long companyId, int limit) {
        return jdbc.sql(ROW + " where o.company_id = :id and o.stage in " + OPEN
                        + " order by o.expected_close_on, o.id limit :limit")
                .param("id", companyId).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    @Override
    public List<DueStep> dueSteps(long userId, LocalDate today, int limit) {
        return jdbc.sql("""
                        select * from (
                            select 'INTERACTION' kind, i.id, i.company_id, p.id contact_id,
                                   coalesce(c.name, p.name) client_name,
                                   -- a call planned from a segment: the message the rep personalised for the person
                                   case when i.event_type = 'CALL_PLANNED' then i.summary else i.subject end about,
                                   i.next_step action,
                                   i.next_step_due due, i.version, i.event_type, %s
                            from interaction i
                            left join company c on c.id = i.company_id
                            left join lateral (
                                select k.id, concat_ws(' ', k.first_name, k.last_name) name
                                from interaction_contact ic join contact k on k.id = ic.contact_id
                                where ic.interaction_id = i.id and i.company_id is null
                                order by k.id limit 1) p on true
                            where coalesce(i.next_step_assignee_id, i.author_id) = :user
                              and i.next_step_due is not null and i.next_step_done_at is null and i.next_step_due <= :today
                            union all
                            select 'OPPORTUNITY', o.id, o.company_id, null, c.name, o.title, o.next_step,
                                   o.next_step_due, o.version, null, null
                            from opportunity o join company c on c.id = o.company_id
                            where o.owner_id = :user and o.stage in %s and o.next_step_due <= :today
                        ) d
                        order by due, kind, id
                        limit :limit""".formatted(EventArgs.COLUMN, OPEN))
                .param("user", userId).param("today", today).param("limit", limit)
                .query((rs, n) -> new DueStep(DueStep.Kind.valueOf(rs.getString("kind")), rs.getLong("id"),
                        (Long) rs.getObject("company_id"), (Long) rs.getObject("contact_id"),
                        rs.getString("client_name"), rs.getString("about"), rs.getString("action"),
                        rs.getObject("due", LocalDate.class), rs.getLong("version"),
                        rs.getString("event_type") == null ? null : TimelineEventType.valueOf(rs.getString("event_type")),
                        EventArgs.of(rs.getArray("arg_table"))))
                .list();
    }

    /** Both halves read partial indexes of V28 by due date (open follow-ups, open deals), not the whole tables. */
    @Override
    public List<TeamMemberLoad> teamLoad(LocalDate today, int limit) {
        return jdbc.sql("""
                        select u.id, u.full_name, sum(x.n) late, min(x.oldest) oldest
                        from (
                            select coalesce(i.next_step_assignee_id, i.author_id) user_id, count(*) n,
                                   min(i.next_step_due) oldest
                            from interaction i
                            where i.next_step_due < :today and i.next_step_done_at is null
                            group by 1
                            union all
                            select o.owner_id, count(*), min(o.next_step_due)
                            from opportunity o
                            where o.stage in %s and o.next_step_due < :today
                            group by 1
                        ) x
                        join app_user u on u.id = x.user_id
                        where u.enabled
                        group by u.id, u.full_name
                        order by late desc, u.full_name, u.id
                        limit :limit""".formatted(OPEN))
                .param("today", today).param("limit", limit)
                .query((rs, n) -> new TeamMemberLoad(rs.getLong("id"), rs.getString("full_name"), rs.getLong("late"),
                        rs.getObject("oldest", LocalDate.class)))
                .list();
    }

    @Override
    public List<WonDealRow> wonSince(Instant since, int limit) {
        return jdbc.sql("""
                        select o.id, o.title, o.company_id, c.name company_name, o.amount, o.currency,
                               u.full_name owner_name, o.closed_at
                        from opportunity o
                        join company c on c.id = o.company_id
                        join app_user u on u.id = o.owner_id
                        where o.stage = 'WON' and o.closed_at >= :since
                        order by o.closed_at desc, o.id desc
                        limit :limit""")
                .param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> new WonDealRow(rs.getLong("id"), rs.getString("title"), rs.getLong("company_id"),
                        rs.getString("company_name"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("owner_name"), rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    @Override
    public List<MeetingRow> meetingsOf(long authorId, Instant from, Instant to) {
        return meetings("m.author_id = :author and m.meeting_at >= :from and m.meeting_at < :to")
                .param("author", authorId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> meeting(rs)).list();
    }

    @Override
    public List<MeetingRow> meetingsOfOpportunity(long opportunityId) {
        return meetings("m.opportunity_id = :opportunity")
                .param("opportunity", opportunityId).query((rs, n) -> meeting(rs)).list();
    }

    private JdbcClient.StatementSpec meetings(String where) {
        return jdbc.sql("""
                select m.id, m.company_id, c.name company_name, m.opportunity_id, m.title, m.meeting_at,
                       m.report_interaction_id is not null reported
                from meeting_prep m join company c on c.id = m.company_id
                where %s order by m.meeting_at, m.id limit 100""".formatted(where));
    }

    private static MeetingRow meeting(ResultSet rs) throws SQLException {
        return new MeetingRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                (Long) rs.getObject("opportunity_id"), rs.getString("title"),
                rs.getTimestamp("meeting_at").toInstant(), rs.getBoolean("reported"));
    }

    @Override
    public List<OpportunityRow> stale(long ownerId, Instant before, int limit) {
        return jdbc.sql(ROW + " where o.owner_id = :owner and o.stage in " + OPEN
                        + " and o.last_activity_at < :before order by o.last_activity_at, o.id limit :limit")
                .param("owner", ownerId).param("before", Timestamp.from(before)).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    @Override
    public List<OpportunityRow> withoutNextStep(long ownerId, int limit) {
        return jdbc.sql(ROW + " where o.owner_id = :owner and o.stage in " + OPEN
                        + " and o.next_step_due is null order by o.last_activity_at, o.id limit :limit")
                .param("owner", ownerId).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    @Override
    public List<PendingConcession> pendingConcessions(int limit) {
        return jdbc.sql("""
                        select k.id, k.opportunity_id, o.title, o.company_id, c.name company_name, o.amount, o.currency,
                               k.type, k.value_kind, k.value, k.money_value, k.counterpart, k.counterpart_detail,
                               u.full_name granted_by_name, k.granted_at
                        from concession k
                        join opportunity o on o.id = k.opportunity_id
                        join company c on c.id = o.company_id
                        join app_user u on u.id = k.granted_by
                        where k.approval = 'PENDING'
                        order by k.granted_at, k.id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new PendingConcession(rs.getLong("id"), rs.getLong("opportunity_id"),
                        rs.getString("title"), rs.getLong("company_id"), rs.getString("company_name"),
                        rs.getBigDecimal("amount"), rs.getString("currency"),
                        ConcessionType.valueOf(rs.getString("type")), ValueKind.valueOf(rs.getString("value_kind")),
                        rs.getBigDecimal("value"), rs.getBigDecimal("money_value"),
                        Counterpart.valueOf(rs.getString("counterpart")), rs.getString("counterpart_detail"),
                        rs.getString("granted_by_name"), rs.getTimestamp("granted_at").toInstant()))
                .list();
    }

    /**
     * Five statements over the rollup tables of V7 (kept by triggers), plus two small partial indexes for the
     * stale and no-next-step counts: the cost follows the number of days, reps and stages, not of deals.
     */
    @Override
    public PipelineDashboard dashboard(DashboardFilter filter, Instant staleBefore, LocalDate today) {
        var forecast = bind(jdbc.sql("""
                select greatest(r.close_month, date_trunc('month', cast(:today as date))::date) month_start,
                       sum(r.deals) n, sum(r.amount) total, round(sum(r.weighted)) weighted
                from pipeline_open_rollup r
                where r.close_month < :horizon %s
                group by 1 having sum(r.deals) > 0 order by 1""".formatted(ownerCondition(filter, "r.owner_id"))), filter)
                .param("today", today).param("horizon", today.withDayOfMonth(1).plusMonths(12))
                .query((rs, n) -> new PipelineDashboard.ForecastMonth(rs.getObject("month_start", LocalDate.class),
                        rs.getLong("n"), rs.getBigDecimal("total"), rs.getBigDecimal("weighted")))
                .list();
        var outcomes = bind(jdbc.sql("""
                select coalesce(sum(r.won), 0) won, coalesce(sum(r.lost), 0) lost,
                       coalesce(sum(r.won_amount), 0) won_amount,
                       round(sum(r.won) * 1.0 / nullif(sum(r.won) + sum(r.lost), 0), 4) win_rate,
                       round(sum(r.won_cycle_seconds) / nullif(sum(r.won), 0) / 86400, 1) cycle
                from pipeline_close_rollup r
                where r.day between :from and :to %s""".formatted(ownerCondition(filter, "r.owner_id"))), filter)
                .param("from", filter.from()).param("to", filter.to())
                .query((rs, n) -> new PipelineDashboard.Outcomes(rs.getLong("won"), rs.getLong("lost"),
                        rs.getBigDecimal("won_amount"), doubleOrNull(rs, "win_rate"), doubleOrNull(rs, "cycle")))
                .single();
        record Moves(Stage stage, long moves, long advanced, double days) {
        }
        List<Moves> moves = bind(jdbc.sql("""
                select r.from_stage, sum(r.moves) moves, sum(r.advanced) advanced,
                       round(sum(r.seconds) / nullif(sum(r.moves), 0) / 86400, 1) days
                from pipeline_move_rollup r
                where r.day between :from and :to %s
                group by r.from_stage""".formatted(ownerCondition(filter, "r.owner_id"))), filter)
                .param("from", filter.from()).param("to", filter.to())
                .query((rs, n) -> new Moves(Stage.valueOf(rs.getString("from_stage")), rs.getLong("moves"),
                        rs.getLong("advanced"), rs.getDouble("days")))
                .list();
        Map<Stage, Moves> byStage = new EnumMap<>(Stage.class);
        moves.forEach(m -> byStage.put(m.stage(), m));
        List<PipelineDashboard.Conversion> conversions = new ArrayList<>();
        List<PipelineDashboard.StageTime> times = new ArrayList<>();
        Stage[] open = Stage.open();
        for (int i = 0; i < open.length; i++) {
            Moves m = byStage.get(open[i]);
            Stage next = i + 1 < open.length ? open[i + 1] : Stage.WON;
            conversions.add(new PipelineDashboard.Conversion(open[i], next, m == null ? 0 : m.moves(),
                    m == null ? 0 : m.advanced()));
            times.add(new PipelineDashboard.StageTime(open[i], m == null ? 0 : m.moves(), m == null ? 0 : m.days()));
        }
        String owner = ownerCondition(filter, "o.owner_id");
        var reps = bind(jdbc.sql("""
                with open_deals as (
                    select r.owner_id, sum(r.deals) n, round(sum(r.weighted)) weighted
                    from pipeline_open_rollup r where true %1$s
                    group by r.owner_id having sum(r.deals) > 0
                ), stale as (
                    select o.owner_id, count(*) n from opportunity o
                    where o.stage in %2$s and o.last_activity_at < :stale %3$s group by o.owner_id
                ), no_next as (
                    select o.owner_id, count(*) n from opportunity o
                    where o.stage in %2$s and o.next_step_due is null %3$s group by o.owner_id
                )
                select u.id, u.full_name, d.n open, d.weighted, coalesce(s.n, 0) stale, coalesce(x.n, 0) without_next_step
                from open_deals d
                join app_user u on u.id = d.owner_id
                left join stale s on s.owner_id = d.owner_id
                left join no_next x on x.owner_id = d.owner_id
                order by u.full_name""".formatted(ownerCondition(filter, "r.owner_id"), OPEN, owner)), filter)
                .param("stale", Timestamp.from(staleBefore))
                .query((rs, n) -> new PipelineDashboard.RepPipeline(rs.getLong("id"), rs.getString("full_name"),
                        rs.getLong("open"), rs.getBigDecimal("weighted"), rs.getLong("stale"),
                        rs.getLong("without_next_step")))
                .list();
        var concessions = bind(jdbc.sql("""
                select u.id, u.full_name, sum(r.concessions) n, sum(r.total) total, sum(r.bare) bare,
                       sum(r.bare_total) bare_total
                from pipeline_concession_rollup r join app_user u on u.id = r.granted_by
                where r.day between :from and :to %s
                group by u.id, u.full_name having sum(r.concessions) > 0
                order by u.full_name""".formatted(ownerCondition(filter, "r.granted_by"))), filter)
                .param("from", filter.from()).param("to", filter.to())
                .query((rs, n) -> new PipelineDashboard.RepConcessions(rs.getLong("id"), rs.getString("full_name"),
                        rs.getLong("n"), rs.getBigDecimal("total"), rs.getLong("bare"), rs.getBigDecimal("bare_total")))
                .list();
        return new PipelineDashboard(forecast, outcomes, conversions, times, reps, concessions);
    }

    static String ownerCondition(DashboardFilter filter, String column) {
        StringBuilder s = new StringBuilder();
        if (filter.ownerId() != null) {
            s.append(" and ").append(column).append(" = :owner");
        }
        if (filter.team() != null) {
            s.append(" and ").append(column).append(" in (select id from app_user where department = :team)");
        }
        return s.toString();
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DashboardFilter filter) {
        if (filter.ownerId() != null) {
            statement = statement.param("owner", filter.ownerId());
        }
        if (filter.team() != null) {
            statement = statement.param("team", filter.team().name());
        }
        return statement;
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public List<MeetingContext.RecentInteraction> lastInteractions(long companyId, int limit) {
        return jdbc.sql("""
                        select i.id, i.occurred_at, i.channel, i.event_type, i.subject, u.full_name, i.outcome
                        from interaction i join app_user u on u.id = i.author_id
                        where i.company_id = :id and i.kind = 'EXCHANGE'
                        order by i.occurred_at desc, i.id desc limit :limit""")
                .param("id", companyId).param("limit", limit)
                .query((rs, n) -> new MeetingContext.RecentInteraction(rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("event_type"), rs.getString("subject"), rs.getString("full_name"),
                        rs.getString("outcome")))
                .list();
    }

    @Override
    public List<String> productsHeld(long companyId) {
        return jdbc.sql("""
                        select pl.name from customer_product_line cpl
                        join product_line pl on pl.id = cpl.product_line_id
                        where cpl.company_id = :id order by pl.name""")
                .param("id", companyId).query(String.class).list();
    }

    @Override
    public List<MeetingContext.OpenComplaint> openComplaints(long companyId, int limit) {
        return jdbc.sql("""
                        select id, subject, category, severity, description, opened_at from complaint
                        where company_id = :id and status in ('OPEN', 'IN_PROGRESS')
                        order by opened_at desc, id desc limit :limit""")
                .param("id", companyId).param("limit", limit)
                .query((rs, n) -> new MeetingContext.OpenComplaint(rs.getLong("id"), rs.getString("subject"),
                        rs.getString("category"),
                        rs.getString("severity"), rs.getString("description"), rs.getTimestamp("opened_at").toInstant()))
                .list();
    }

    static OpportunityRow row(ResultSet rs) throws SQLException {
        Timestamp activity = rs.getTimestamp("last_activity_at");
        return new OpportunityRow(rs.getLong("id"), rs.getLong("version"), rs.getLong("company_id"),
                rs.getString("company_name"), rs.getString("title"), rs.getBigDecimal("amount"),
                rs.getString("currency"), Stage.valueOf(rs.getString("stage")), rs.getInt("probability"),
                rs.getObject("expected_close_on", LocalDate.class), rs.getLong("owner_id"),
                rs.getString("owner_name"), rs.getString("next_step"), rs.getObject("next_step_due", LocalDate.class),
                activity == null ? null : activity.toInstant());
    }
}
