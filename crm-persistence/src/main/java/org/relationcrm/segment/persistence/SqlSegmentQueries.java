package org.relationcrm.segment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.CompanyStatus;
import org.relationcrm.segment.ClientCursor;
import org.relationcrm.segment.SegmentClient;
import org.relationcrm.segment.SegmentCount;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentPerson;
import org.relationcrm.segment.SegmentQueries;
import org.relationcrm.segment.SegmentSummary;
import org.relationcrm.shared.Slice;

/** The segments in SQL: each read one statement built by {@link SegmentSql}, values bound as parameters. */
@Repository
class SqlSegmentQueries implements SegmentQueries {

    /** Rows fetched at a time when an export streams a segment's people. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    SqlSegmentQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<SegmentSummary> visibleTo(long userId) {
        return jdbc.sql("""
                        select s.id, s.name, s.shared, s.author_id, u.full_name author_name, s.updated_at
                        from segment s join app_user u on u.id = s.author_id
                        where s.author_id = :user or s.shared
                        order by relation_fold(s.name), s.id""")
                .param("user", userId)
                .query((rs, n) -> new SegmentSummary(rs.getLong("id"), rs.getString("name"), rs.getBoolean("shared"),
                        rs.getLong("author_id"), rs.getString("author_name"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    @Override
    public SegmentCount count(SegmentCriteria criteria, LocalDate today) {
        SegmentSql sql = new SegmentSql(criteria, today, clock.instant());
        String statement = sql.computedOnce() ? """
                with kept as materialized (select c.id from company c %1$s where %3$s)
                select (select count(*) from kept c where %5$s) companies,
                       (select count(*) from kept c join contact k on k.company_id = c.id where %4$s) people"""
                : """
                select (select count(*) from company c %1$s where %2$s) companies,
                       (select count(*) from company c %1$s join contact k on k.company_id = c.id
                        where %3$s and %4$s) people""";
        return jdbc.sql(statement.formatted(sql.joins(), sql.companies(), sql.companiesOfPeople(), sql.people(),
                        sql.somePerson()))
                .params(sql.params())
                .query((rs, n) -> new SegmentCount(rs.getLong("companies"), rs.getLong("people")))
                .single();
    }

    @Override
    public Slice<SegmentClient, ClientCursor> clients(SegmentCriteria criteria, LocalDate today, ClientCursor after,
                                                      int limit) {
        SegmentSql sql = new SegmentSql(criteria, today, clock.instant());
        String keyset = after == null ? "" : " and (c.sort_name, c.id) > (:afterName, :afterId)";
        var statement = jdbc.sql("""
                        select c.id, c.name, c.city, c.status, u.full_name owner_name, c.sort_name
                        from company c %s
                        join app_user u on u.id = c.owner_id
                        where %s%s
                        order by c.sort_name, c.id
                        limit :limit""".formatted(sql.joins(), sql.companies(), keyset))
                .params(sql.params())
                .param("limit", limit + 1);
        if (after != null) {
            statement = statement.param("afterName", after.sortName()).param("afterId", after.id());
        }
        List<SegmentClient> rows = statement.query((rs, n) -> new SegmentClient(rs.getLong("id"), rs.getString("name"),
                rs.getString("city"), CompanyStatus.valueOf(rs.getString("status")), rs.getString("owner_name"),
                rs.getString("sort_name"))).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<SegmentClient> shown = rows.subList(0, limit);
        SegmentClient last = shown.getLast();
        return new Slice<>(List.copyOf(shown), new ClientCursor(last.sortName(), last.id()));
    }

    private static String peopleSql(SegmentSql sql) {
        return """
                select k.id contact_id, c.id company_id, c.name company_name, k.civility, k.first_name, k.last_name,
                       k.preferred_name, k.job_title, k.email, k.phone, k.mobile, coalesce(k.city, c.city) city,
                       k.language, k.consent_email, k.consent_phone, k.consent_sms, k.consent_letter,
                       c.owner_id, u.full_name owner_name,
                       (select max(s.created_at) from survey s where s.contact_id = k.id) last_survey_at
                from company c %s
                join contact k on k.company_id = c.id
                join app_user u on u.id = c.owner_id
                where %s and %s
                order by c.sort_name, c.id, k.sort_name, k.id""".formatted(sql.joins(), sql.companiesOfPeople(),
                sql.people());
    }

    @Override
    public List<SegmentPerson> people(SegmentCriteria criteria, LocalDate today, int limit) {
        SegmentSql sql = new SegmentSql(criteria, today, clock.instant());
        return jdbc.sql(peopleSql(sql) + "\nlimit :limit").params(sql.params()).param("limit", limit)
                .query((rs, n) -> person(rs)).list();
    }

    @Override
    public void eachPerson(SegmentCriteria criteria, LocalDate today, Consumer<SegmentPerson> action) {
        SegmentSql sql = new SegmentSql(criteria, today, clock.instant());
        jdbc.sql(peopleSql(sql)).params(sql.params()).withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> action.accept(person(rs)));
    }

    private static SegmentPerson person(ResultSet rs) throws SQLException {
        Timestamp lastSurvey = rs.getTimestamp("last_survey_at");
        return new SegmentPerson(rs.getLong("contact_id"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getString("civility"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("preferred_name"), rs.getString("job_title"), rs.getString("email"),
                rs.getString("phone"), rs.getString("mobile"), rs.getString("city"), rs.getString("language"),
                rs.getBoolean("consent_email"), rs.getBoolean("consent_phone"), rs.getBoolean("consent_sms"),
                rs.getBoolean("consent_letter"), rs.getLong("owner_id"), rs.getString("owner_name"),
                lastSurvey == null ? null : lastSurvey.toInstant());
    }
}
