package org.relationcrm.insight.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.insight.ChannelAcquisition;
import org.relationcrm.insight.ComplaintTimes;
import org.relationcrm.insight.CostRow;
import org.relationcrm.insight.DrillRow;
import org.relationcrm.insight.InsightQueries;
import org.relationcrm.insight.InsightQueries.ReachedShares;
import org.relationcrm.insight.Kpi;
import org.relationcrm.insight.KpiFilter;
import org.relationcrm.insight.MonthFacts;
import org.relationcrm.insight.ReviewActionRow;
import org.relationcrm.insight.StockAtStart;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.persistence.CompanySubsets;

/**
 * The KPI read model: each statement adds up a few monthly rollup rows (V48) per owner, never the companies,
 * exchanges or surveys themselves; the complaint times and the rows behind a figure read one period's range of an
 * index. The filter's clients are those of the owners it selects ({@code owners}, first CTE of each statement).
 * A segment's figures cannot come from per-owner rollups: they are counted from its companies' own rows (status
 * history, surveys, exchanges, deals, orders) through their company indexes, by the same definitions
 * ({@link #SEGMENT_MONTHS}); its companies are those it holds today ({@code seg}, the segment's own statement).
 */
@Repository
class SqlInsightQueries implements InsightQueries {

    /** The owners whose clients the filter counts: one, those of a department, or everyone. */
    private static final String OWNERS = """
            owners as (select id from app_user
                        where (cast(:owner as bigint) is null or id = :owner)
                          and (cast(:department as varchar) is null or department = :department))""";

    /** {@code {seg:c.id}}: "and c.id is one of the segment's companies", or nothing without a segment. */
    private static final java.util.regex.Pattern SEGMENT_MARK = java.util.regex.Pattern.compile("\\{seg:([a-z_.]+)}");

    private final JdbcClient jdbc;
    private final ObjectProvider<CompanySubsets> subsets;

    SqlInsightQueries(JdbcClient jdbc, ObjectProvider<CompanySubsets> subsets) {
        this.jdbc = jdbc;
        this.subsets = subsets;
    }

    /** The segment's companies as a CTE ({@code seg(id)}), or none; an unknown segment holds no company. */
    private CompanySubsets.CompanyIds segment(KpiFilter filter) {
        if (filter.segmentId() == null) {
            return null;
        }
        return java.util.Optional.ofNullable(subsets.getIfAvailable())
                .flatMap(s -> s.companyIds(filter.segmentId()))
                .orElse(new CompanySubsets.CompanyIds("select null::bigint", Map.of()));
    }

    /**
     * The statement with the filter's parameters. {@code %s} in {@code sql}'s first CTE list is replaced by the
     * owners and, with a segment, its companies ({@code seg}); {@code {seg:alias}} by "and alias.company_id is one
     * of the segment's" (nothing without a segment).
     */
    private JdbcClient.StatementSpec filtered(String sql, KpiFilter filter) {
        CompanySubsets.CompanyIds segment = segment(filter);
        String text = sql.replace("with " + OWNERS, segment == null ? "with " + OWNERS
                : "with " + OWNERS + ",\nseg(id) as (" + segment.sql() + ")");
        java.util.regex.Matcher m = SEGMENT_MARK.matcher(text);
        text = m.replaceAll(r -> segment == null ? ""
                : "and " + r.group(1) + " in (select id from seg)");
        JdbcClient.StatementSpec statement = jdbc.sql(text);
        if (segment != null) {
            statement = statement.params(segment.params());
        }
        return statement
                .param("owner", filter.ownerId(), java.sql.Types.BIGINT)
                .param("department", filter.department() == null ? null : filter.department().name(),
                        java.sql.Types.VARCHAR)
                .param("channel", filter.channel() == null ? null : filter.channel().name(), java.sql.Types.VARCHAR)
                .param("wholeTeam", filter.wholeTeam());
    }

    @Override
    public StockAtStart stockAt(KpiFilter filter, LocalDate on) {
        String stock = filter.segmentId() == null ? "insight_status_stock" : SEGMENT_STOCK;
        return filtered("""
                        with %s
                        select coalesce(sum(net) filter (where status = 'CUSTOMER'), 0) customers,
                               coalesce(sum(net) filter (where status = 'PROSPECT'), 0) prospects
                        from %s s where month < :on and owner_id in (select id from owners)"""
                        .formatted(OWNERS, stock), filter)
                .param("on", on)
                .query((rs, n) -> new StockAtStart(rs.getLong("customers"), rs.getLong("prospects"))).single();
    }

    /**
     * One statement: each rollup summed per month over the filter's owners, then joined on the month. Acquisition
     * costs belong to no owner: they count only when the filter selects the whole team.
     */
    @Override
    public List<MonthFacts> months(KpiFilter filter, LocalDate from, LocalDate to) {
        return filtered((filter.segmentId() == null ? ROLLUP_MONTHS : SEGMENT_MONTHS).formatted(OWNERS), filter)
                .param("from", from).param("to", to)
                .query((rs, n) -> new MonthFacts(rs.getObject(1, LocalDate.class), rs.getLong("customers_net"),
                        rs.getLong("prospects_net"), rs.getLong("lost"), rs.getLong("new_customers"),
                        rs.getLong("prospects_won"), rs.getLong("nps_sent"), rs.getLong("nps_answers"),
                        rs.getLong("promoters"), rs.getLong("detractors"), rs.getLong("csat_sent"),
                        rs.getLong("csat_answers"), rs.getLong("csat_sum"), rs.getLong("ces_sent"),
                        rs.getLong("ces_answers"), rs.getLong("ces_sum"), rs.getLong("customer_exchanges"),
                        rs.getLong("won"), rs.getLong("deals_lost"), rs.getLong("orders"), money(rs, "revenue"),
                        money(rs, "cost")))
                .list();
    }

    /** The months' facts, joined on the month (each part below names its columns as the mapping reads them). */
    private static final String MONTHS_JOINED = """
            months as (
                select month from stock union select month from flow union select month from surveys
                union select month from exchanges union select month from deals union select month from orders
                union select month from costs)
            select m.month, stock.customers_net, stock.prospects_net, flow.lost, flow.new_customers,
                   flow.prospects_won, surveys.*, exchanges.customer_exchanges, deals.won, deals.lost deals_lost,
                   orders.orders, orders.revenue, costs.cost
            from months m
            left join stock on stock.month = m.month left join flow on flow.month = m.month
            left join surveys on surveys.month = m.month left join exchanges on exchanges.month = m.month
            left join deals on deals.month = m.month left join orders on orders.month = m.month
            left join costs on costs.month = m.month
            order by m.month""";

    /** Acquisition costs: only for the whole team (they belong to no owner and no segment). */
    private static final String COSTS = """
            costs as (
                select month, sum(amount) cost
                from insight_acquisition_cost
                where month >= :from and month < :to and cast(:owner as bigint) is null
                  and cast(:department as varchar) is null and :wholeTeam
                  and (cast(:channel as varchar) is null or channel = :channel)
                group by month),""";

    /**
     * A segment's companies entering (+1) and leaving (-1) each status, per month and owner at the time: what
     * {@code insight_status_stock} holds for everyone, from the same status history.
     */
    private static final String SEGMENT_STOCK = """
            (select date_trunc('month', h.changed_at)::date as month, h.owner_id, h.to_status status, 1 net
             from company_status_change h where true {seg:h.company_id}
             union all
             select date_trunc('month', h.changed_at)::date, coalesce(h.from_owner_id, h.owner_id), h.from_status, -1
             from company_status_change h where h.from_status is not null {seg:h.company_id})""";

    /**
     * {@link #ROLLUP_MONTHS}' facts for a segment's companies, from their rows: the same status history, surveys
     * by month of sending and of answer, exchanges with a company that was a customer when the exchange was
     * logged (its status then, from the history), deals closed by their owner, orders not cancelled. Owners are
     * those of the time for the status history and the deals, today's for the rest.
     */
    private static final String SEGMENT_MONTHS = """
            with %s,
            stock as (
                select month, sum(net) filter (where status = 'CUSTOMER') customers_net,
                       sum(net) filter (where status = 'PROSPECT') prospects_net
                from SEGMENT_STOCK s
                where month >= :from and month < :to and owner_id in (select id from owners) group by month),
            flow as (
                select date_trunc('month', h.changed_at)::date as month,
                       count(*) filter (where h.from_status = 'CUSTOMER') lost,
                       count(*) filter (where h.to_status = 'CUSTOMER') new_customers,
                       count(*) filter (where h.from_status = 'PROSPECT' and h.to_status = 'CUSTOMER') prospects_won
                from company_status_change h
                where h.changed_at >= :from and h.changed_at < :to and h.from_status is distinct from h.to_status
                  and h.owner_id in (select id from owners) {seg:h.company_id}
                group by 1),
            survey_moves as (
                select date_trunc('month', s.sent_at)::date as month, s.kind, 1 sent, 0 answered, 0 score,
                       0 promoter, 0 detractor
                from survey s join company c on c.id = s.company_id
                where s.sent_at >= :from and s.sent_at < :to and c.owner_id in (select id from owners) {seg:s.company_id}
                union all
                select date_trunc('month', s.answered_at)::date, s.kind, 0, 1, s.score,
                       case when s.kind = 'NPS' and s.score >= 9 then 1 else 0 end,
                       case when s.kind = 'NPS' and s.score <= 6 then 1 else 0 end
                from survey s join company c on c.id = s.company_id
                where s.answered_at >= :from and s.answered_at < :to and c.owner_id in (select id from owners)
                  {seg:s.company_id}),
            surveys as (
                select month,
                       sum(sent) filter (where kind = 'NPS') nps_sent, sum(answered) filter (where kind = 'NPS') nps_answers,
                       sum(promoter) promoters, sum(detractor) detractors,
                       sum(sent) filter (where kind = 'CSAT') csat_sent, sum(answered) filter (where kind = 'CSAT') csat_answers,
                       sum(score) filter (where kind = 'CSAT') csat_sum,
                       sum(sent) filter (where kind = 'CES') ces_sent, sum(answered) filter (where kind = 'CES') ces_answers,
                       sum(score) filter (where kind = 'CES') ces_sum
                from survey_moves group by month),
            spans as (
                select h.company_id, h.to_status, h.changed_at since,
                       lead(h.changed_at) over (partition by h.company_id order by h.changed_at, h.id) until
                from company_status_change h where true {seg:h.company_id}),
            exchanges as (
                select date_trunc('month', i.occurred_at)::date as month, count(*) customer_exchanges
                from interaction i join company c on c.id = i.company_id
                     join spans v on v.company_id = i.company_id and v.to_status = 'CUSTOMER'
                                 and i.logged_at >= v.since and (v.until is null or i.logged_at < v.until)
                where i.kind = 'EXCHANGE' and i.occurred_at >= :from and i.occurred_at < :to
                  and c.owner_id in (select id from owners) {seg:i.company_id}
                  and (cast(:channel as varchar) is null or i.channel = :channel)
                group by 1),
            deals as (
                select date_trunc('month', o.closed_at)::date as month, count(*) filter (where o.stage = 'WON') won,
                       count(*) filter (where o.stage = 'LOST') lost
                from opportunity o
                where o.closed_at >= :from and o.closed_at < :to and o.owner_id in (select id from owners)
                  {seg:o.company_id}
                group by 1),
            orders as (
                select date_trunc('month', o.ordered_on)::date as month, count(*) orders, sum(o.total) revenue
                from customer_order o join company c on c.id = o.company_id
                where o.ordered_on >= :from and o.ordered_on < :to and o.status <> 'CANCELLED'
                  and c.owner_id in (select id from owners) {seg:o.company_id}
                group by 1),
            """.replace("SEGMENT_STOCK", SEGMENT_STOCK) + COSTS + MONTHS_JOINED;

    /** One statement: each rollup summed per month over the filter's owners, then joined on the month. */
    private static final String ROLLUP_MONTHS = """
                        with %s,
                        stock as (
                            select month, sum(net) filter (where status = 'CUSTOMER') customers_net,
                                   sum(net) filter (where status = 'PROSPECT') prospects_net
                            from insight_status_stock
                            where month >= :from and month < :to and owner_id in (select id from owners) group by month),
                        flow as (
                            select month,
                                   sum(changes) filter (where from_status = 'CUSTOMER') lost,
                                   sum(changes) filter (where to_status = 'CUSTOMER') new_customers,
                                   sum(changes) filter (where from_status = 'PROSPECT' and to_status = 'CUSTOMER') prospects_won
                            from insight_status_flow
                            where month >= :from and month < :to and owner_id in (select id from owners) group by month),
                        surveys as (
                            select month,
                                   sum(sent) filter (where kind = 'NPS') nps_sent, sum(answered) filter (where kind = 'NPS') nps_answers,
                                   sum(promoters) promoters, sum(detractors) detractors,
                                   sum(sent) filter (where kind = 'CSAT') csat_sent, sum(answered) filter (where kind = 'CSAT') csat_answers,
                                   sum(score_sum) filter (where kind = 'CSAT') csat_sum,
                                   sum(sent) filter (where kind = 'CES') ces_sent, sum(answered) filter (where kind = 'CES') ces_answers,
                                   sum(score_sum) filter (where kind = 'CES') ces_sum
                            from insight_survey_rollup
                            where month >= :from and month < :to and owner_id in (select id from owners) group by month),
                        exchanges as (
                            select month, sum(interactions) customer_exchanges
                            from insight_interaction_rollup
                            where month >= :from and month < :to and customer and owner_id in (select id from owners)
                              and (cast(:channel as varchar) is null or channel = :channel)
                            group by month),
                        deals as (
                            select date_trunc('month', day)::date as month, sum(won) won, sum(lost) lost
                            from pipeline_close_rollup
                            where day >= :from and day < :to and owner_id in (select id from owners) group by 1),
                        orders as (
                            select month, sum(orders) orders, sum(revenue) revenue
                            from insight_order_rollup
                            where month >= :from and month < :to and owner_id in (select id from owners) group by month),
                        """ + COSTS + MONTHS_JOINED;


    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The filter's complaints: of its owners' clients, of its channel (the drill-down names their companies). */
    private static final String COMPLAINTS = """
            from complaint k join company c on c.id = k.company_id
            where c.owner_id in (select id from owners) and (cast(:channel as varchar) is null or k.channel = :channel)
              {seg:k.company_id}""";

    /**
     * The same complaints for the figures, which read nothing of the company: the whole team's straight from the
     * complaints' period indexes, without one company lookup per complaint (17 000 resolved in a year at the
     * benchmark's size: 46 ms of a 77 ms scan, four scans a dashboard); an owner's or department's through their
     * companies, as before.
     */
    private static final String COMPLAINTS_COUNTED = """
            from complaint k
            where (:wholeTeam or exists (select 1 from company c
                                          where c.id = k.company_id and c.owner_id in (select id from owners)))
              and (cast(:channel as varchar) is null or k.channel = :channel)
              {seg:k.company_id}""";

    /**
     * One statement: resolution times of the complaints resolved in the period and first-response times of those
     * opened in it, each per channel and severity and in total (grouping sets), mean and median, joined.
     */
    @Override
    public List<ComplaintTimes> complaintTimes(KpiFilter filter, LocalDate from, LocalDate to) {
        return filtered("""
                        with %1$s,
                        res as (
                            select channel, severity, grouping(channel, severity) g, count(*) n, avg(h) mean,
                                   percentile_cont(0.5) within group (order by h) median
                            from (select k.channel, k.severity, extract(epoch from k.resolved_at - k.opened_at) / 3600.0 h
                                  %2$s and k.resolved_at >= :from and k.resolved_at < :to) r
                            group by grouping sets ((channel, severity), ())),
                        resp as (
                            select channel, severity, grouping(channel, severity) g, count(*) n, avg(h) mean,
                                   percentile_cont(0.5) within group (order by h) median
                            from (select k.channel, k.severity, extract(epoch from k.first_response_at - k.opened_at) / 3600.0 h
                                  %2$s and k.opened_at >= :from and k.opened_at < :to and k.first_response_at is not null) r
                            group by grouping sets ((channel, severity), ()))
                        select coalesce(res.channel, resp.channel) channel, coalesce(res.severity, resp.severity) severity,
                               coalesce(res.g, resp.g) g, coalesce(res.n, 0) resolved, res.mean, res.median,
                               coalesce(resp.n, 0) responded, resp.mean resp_mean, resp.median resp_median
                        from res full join resp on res.g = resp.g and coalesce(res.channel, '') = coalesce(resp.channel, '')
                                               and coalesce(res.severity, '') = coalesce(resp.severity, '')
                        order by g desc, channel, array_position(array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']::varchar[], coalesce(res.severity, resp.severity))"""
                        .formatted(OWNERS, COMPLAINTS_COUNTED), filter)
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    boolean total = rs.getInt("g") != 0;
                    return new ComplaintTimes(total ? null : Channel.valueOf(rs.getString("channel")),
                            total ? null : rs.getString("severity"), rs.getLong("resolved"), dbl(rs, "mean"),
                            dbl(rs, "median"), rs.getLong("responded"), dbl(rs, "resp_mean"), dbl(rs, "resp_median"));
                })
                .list();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Override
    public List<ComplaintMonth> complaintMonths(KpiFilter filter, LocalDate from, LocalDate to) {
        return filtered("""
                        with %1$s
                        select month, sum(resolved) resolved, sum(res_hours) / nullif(sum(resolved), 0) res_mean,
                               sum(responded) responded, sum(resp_hours) / nullif(sum(responded), 0) resp_mean
                        from (select date_trunc('month', k.resolved_at)::date as month, 1 resolved,
                                     extract(epoch from k.resolved_at - k.opened_at) / 3600.0 res_hours,
                                     0 responded, 0 resp_hours
                              %2$s and k.resolved_at >= :from and k.resolved_at < :to
                              union all
                              select date_trunc('month', k.opened_at)::date, 0, 0, 1,
                                     extract(epoch from k.first_response_at - k.opened_at) / 3600.0
                              %2$s and k.opened_at >= :from and k.opened_at < :to and k.first_response_at is not null) t
                        group by month order by month""".formatted(OWNERS, COMPLAINTS_COUNTED), filter)
                .param("from", from).param("to", to)
                .query((rs, n) -> new ComplaintMonth(rs.getObject("month", LocalDate.class), rs.getLong("resolved"),
                        dbl(rs, "res_mean"), rs.getLong("responded"), dbl(rs, "resp_mean")))
                .list();
    }

    /**
     * Each company's status at {@code :at} (its last change before), with its owner then, for the customers reached
     * as of a past instant; {@code {seg:...}} keeps a segment's companies.
     */
    static final String STATUS_AT = """
            status_at as (
                select distinct on (h.company_id) h.company_id, h.to_status, h.owner_id
                  from company_status_change h
                 where h.changed_at < :previousAt {seg:h.company_id}
                 order by h.company_id, h.changed_at desc, h.id desc)""";

    /**
     * Whether customer {@code x} had an exchange in [{@code :previousSince}, {@code :previousAt}): its last exchange
     * decides without a lookup unless it came after {@code :previousAt}.
     */
    static final String REACHED_THEN = """
            l.last_at >= :previousSince
            and (l.last_at < :previousAt
                 or exists (select 1 from interaction i
                             where i.company_id = x.company_id and i.kind = 'EXCHANGE'
                               and i.occurred_at >= :previousSince and i.occurred_at < :previousAt))""";

    /**
     * Today's customers of the filter and those reached since {@code :since}; beside them, the previous period's
     * end: the month start's measure summed over the filter's owners (one key range), or for a segment its
     * companies' status then and exchanges, from their rows (for a month start measured, as the owners' figure).
     */
    @Override
    public ReachedShares reached(KpiFilter filter, Instant since, LocalDate previousEnd, Instant previousAt,
                                 Instant previousSince) {
        String previous = filter.segmentId() == null ? """
                previous as (
                    select sum(r.customers)::bigint customers, sum(r.reached)::bigint reached
                      from insight_reached_month r
                     where r.as_of = :previousEnd and r.owner_id in (select id from owners))"""
                : """
                %s,
                previous as (
                    select count(*) customers, count(*) filter (where %s) reached
                      from status_at x left join company_last_exchange l on l.company_id = x.company_id
                     where x.to_status = 'CUSTOMER' and x.owner_id in (select id from owners)
                       -- a figure where the owners' have one: a month start measured
                       and exists (select 1 from insight_reached_measured m where m.as_of = :previousEnd))"""
                .formatted(STATUS_AT, REACHED_THEN);
        return filtered("""
                        with %s,
                        %s
                        select count(*) customers, count(*) filter (where l.last_at >= :since) reached,
                               (select customers from previous) previous_customers,
                               (select reached from previous) previous_reached
                        from company c left join company_last_exchange l on l.company_id = c.id
                        where c.status = 'CUSTOMER' and c.owner_id in (select id from owners) {seg:c.id}"""
                        .formatted(OWNERS, previous), filter)
                .param("since", Timestamp.from(since)).param("previousEnd", previousEnd)
                .param("previousAt", Timestamp.from(previousAt)).param("previousSince", Timestamp.from(previousSince))
                .query((rs, n) -> new ReachedShares(
                        ReachedShares.share(rs.getLong("reached"), rs.getLong("customers")),
                        ReachedShares.share(rs.getObject("previous_reached", Long.class),
                                rs.getObject("previous_customers", Long.class))))
                .single();
    }

    @Override
    public List<DrillRow> rows(Kpi.Drill drill, KpiFilter filter, int limit) {
        String sql = switch (drill) {
            case DETRACTORS -> surveys("s.kind = 'NPS' and s.score <= 6");
            case LOW_CSAT -> surveys("s.kind = 'CSAT' and s.score <= 2");
            case HIGH_EFFORT -> surveys("s.kind = 'CES' and s.score >= 5");
            case LOST_CUSTOMERS -> changes("h.from_status = 'CUSTOMER' and h.to_status <> 'CUSTOMER'");
            case NEW_CUSTOMERS -> changes("h.from_status is distinct from 'CUSTOMER' and h.to_status = 'CUSTOMER'");
            case SLOWEST_COMPLAINTS -> """
                    with %s
                    select c.id company_id, c.name company_name, u.full_name owner_name, k.resolved_at at,
                           k.severity detail, extract(epoch from k.resolved_at - k.opened_at) / 3600.0 value, k.id item_id
                    %s and k.resolved_at >= :from and k.resolved_at < :to
                    order by k.resolved_at - k.opened_at desc, k.id limit :limit"""
                    .formatted(OWNERS, COMPLAINTS.replace("where", "join app_user u on u.id = c.owner_id where"));
        };
        return filtered(sql, filter)
                .param("from", filter.period().start()).param("to", filter.period().end()).param("limit", limit)
                .query((rs, n) -> new DrillRow(rs.getLong("company_id"), rs.getString("company_name"),
                        rs.getString("owner_name"), rs.getTimestamp("at").toInstant(), rs.getString("detail"),
                        dbl(rs, "value"), (Long) rs.getObject("item_id")))
                .list();
    }

    private static String surveys(String which) {
        return """
                with %s
                select c.id company_id, c.name company_name, u.full_name owner_name, s.answered_at at,
                       s.comment detail, s.score value, s.id item_id
                from survey s join company c on c.id = s.company_id join app_user u on u.id = c.owner_id
                where s.answered_at >= :from and s.answered_at < :to and %s
                  and c.owner_id in (select id from owners) {seg:s.company_id}
                order by s.answered_at desc, s.id desc limit :limit""".formatted(OWNERS, which);
    }

    private static String changes(String which) {
        return """
                with %s
                select c.id company_id, c.name company_name, u.full_name owner_name, h.changed_at at,
                       coalesce(h.from_status, 'NEW') || '>' || h.to_status detail, null::float8 value, null::bigint item_id
                from company_status_change h join company c on c.id = h.company_id join app_user u on u.id = h.owner_id
                where h.changed_at >= :from and h.changed_at < :to and h.from_status is distinct from h.to_status
                  and %s and h.owner_id in (select id from owners) {seg:h.company_id}
                order by h.changed_at desc, h.id desc limit :limit""".formatted(OWNERS, which);
    }

    @Override
    public List<ReviewActionRow> actions(LocalDate since, int limit) {
        return jdbc.sql("""
                        select a.id, a.version, a.review_month, a.kpi, a.value_at_review, a.root_cause, a.action,
                               a.owner_id, u.full_name, a.due_on, a.done_at
                        from insight_review_action a join app_user u on u.id = a.owner_id
                        where a.done_at is null or a.review_month >= :since
                        order by a.review_month desc, a.id desc limit :limit""")
                .param("since", since).param("limit", limit)
                .query((rs, n) -> new ReviewActionRow(rs.getLong("id"), rs.getLong("version"),
                        rs.getObject("review_month", LocalDate.class), Kpi.valueOf(rs.getString("kpi")),
                        dbl(rs, "value_at_review"), rs.getString("root_cause"), rs.getString("action"),
                        rs.getLong("owner_id"), rs.getString("full_name"), rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant()))
                .list();
    }

    /**
     * New customers counted as the rollups count them (a change into CUSTOMER), each by the channel of its first
     * exchange (kept per company by V86's triggers: one key lookup), beside the costs entered per channel.
     * The channels' rows are matched with coalesce: a full join needs an equality.
     */
    @Override
    public List<ChannelAcquisition> acquisitionByChannel(LocalDate previousFrom, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        with won as (
                            select h.company_id, h.changed_at >= :from as current
                            from company_status_change h
                            where h.changed_at >= :previousFrom and h.changed_at < :to
                              and h.from_status is distinct from 'CUSTOMER' and h.to_status = 'CUSTOMER'),
                        first_channel as (
                            select w.current, f.channel
                            from won w left join company_first_exchange f on f.company_id = w.company_id),
                        acquired as (select current, channel, count(*) customers from first_channel group by 1, 2),
                        costs as (
                            select month >= :from as current, channel, sum(amount) cost
                            from insight_acquisition_cost
                            where month >= :previousFrom and month < :to group by 1, 2),
                        rows as (
                            select coalesce(a.current, k.current) current, coalesce(a.channel, k.channel) channel,
                                   coalesce(k.cost, 0) cost, coalesce(a.customers, 0) customers
                            from acquired a full join costs k
                              on k.current = a.current and coalesce(k.channel, '') = coalesce(a.channel, ''))
                        select channel, sum(cost) filter (where current) cost,
                               sum(customers) filter (where current) customers,
                               sum(cost) filter (where not current) previous_cost,
                               sum(customers) filter (where not current) previous_customers
                        from rows group by channel order by channel nulls last""")
                .param("previousFrom", previousFrom).param("from", from).param("to", to)
                .query((rs, n) -> new ChannelAcquisition(
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        zero(rs.getBigDecimal("cost")), rs.getLong("customers"),
                        zero(rs.getBigDecimal("previous_cost")), rs.getLong("previous_customers")))
                .list();
    }

    private static java.math.BigDecimal zero(java.math.BigDecimal amount) {
        return amount == null ? java.math.BigDecimal.ZERO : amount;
    }

    @Override
    public List<CostRow> costs(LocalDate from, int limit) {
        return jdbc.sql("""
                        select k.id, k.version, k.month, k.channel, k.campaign, k.amount, u.full_name
                        from insight_acquisition_cost k join app_user u on u.id = k.entered_by
                        where k.month >= :from order by k.month desc, k.channel nulls last, k.campaign nulls last, k.id
                        limit :limit""")
                .param("from", from).param("limit", limit)
                .query((rs, n) -> new CostRow(rs.getLong("id"), rs.getLong("version"),
                        rs.getObject("month", LocalDate.class),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("campaign"), rs.getBigDecimal("amount"), rs.getString("full_name")))
                .list();
    }
}
