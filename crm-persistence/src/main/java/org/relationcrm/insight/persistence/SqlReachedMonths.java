package org.relationcrm.insight.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.insight.ReachedMonths;

/**
 * The month starts' measures of customers reached (V86): each owner's customers then, from the status history, and
 * those with an exchange in the 90 days before, their last exchange deciding without a timeline lookup unless it
 * came later (the same definitions as a segment's figure in {@link SqlInsightQueries#reached}).
 */
@Repository
class SqlReachedMonths implements ReachedMonths {

    private final JdbcClient jdbc;

    SqlReachedMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LocalDate> unmeasured(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select m::date from generate_series(cast(:from as date), cast(:to as date), interval '1 month') m
                         where not exists (select 1 from insight_reached_measured r where r.as_of = m::date)
                         order by m""")
                .param("from", from).param("to", to)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
    }

    @Override
    public void measure(LocalDate asOf, Instant at, Instant since, Instant measuredAt) {
        jdbc.sql("delete from insight_reached_month where as_of = :asOf").param("asOf", asOf).update();
        jdbc.sql("""
                        insert into insight_reached_month (as_of, owner_id, customers, reached)
                        with %s
                        select :asOf, x.owner_id, count(*), count(*) filter (where %s)
                          from status_at x left join company_last_exchange l on l.company_id = x.company_id
                         where x.to_status = 'CUSTOMER'
                         group by x.owner_id"""
                        .formatted(SqlInsightQueries.STATUS_AT.replace("{seg:h.company_id}", ""),
                                SqlInsightQueries.REACHED_THEN))
                .param("asOf", asOf).param("previousAt", Timestamp.from(at))
                .param("previousSince", Timestamp.from(since)).update();
        jdbc.sql("""
                        insert into insight_reached_measured (as_of, measured_at) values (:asOf, :at)
                        on conflict (as_of) do update set measured_at = excluded.measured_at""")
                .param("asOf", asOf).param("at", Timestamp.from(measuredAt)).update();
    }
}
