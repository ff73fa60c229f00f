package org.relationcrm.request.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.request.DepartmentFigures;
import org.relationcrm.request.MyDayRequests;
import org.relationcrm.request.RequestFigures;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestRow;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.request.internal.RequestQueries;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.Slice;

/** The request read side in plain SQL: one statement per list, the figures added up by PostgreSQL. */
@Repository
class SqlRequestQueries implements RequestQueries {

    private static final String COLUMNS = """
            select r.id, r.company_id, co.name company_name, r.kind, r.status, r.from_department, r.to_department,
                   t.full_name to_user_name, r.requester_id, q.full_name requester_name, h.full_name handler_name,
                   r.subject_kind, r.subject_id, r.needed, r.created_at, r.due_at, r.needed_by,
                   (r.status in ('NEW', 'ACCEPTED') and r.first_answer_at is null and r.due_at < now()) overdue,
                   r.useful, r.rated_at
            from request r
            join company co on co.id = r.company_id
            join app_user q on q.id = r.requester_id
            left join app_user t on t.id = r.to_user_id
            left join app_user h on h.id = r.handler_id
            """;
    private static final String IN_QUEUE = "r.status in ('NEW', 'ACCEPTED')";

    private final JdbcClient jdbc;

    SqlRequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Slice<RequestRow, Long> queue(Department department, long userId, Long after, int limit) {
        String keyset = after == null ? "" : " and (r.due_at, r.id) > (select a.due_at, a.id from request a where a.id = :after)";
        var statement = jdbc.sql(COLUMNS + """
                        where %s and (r.to_department = :department or r.to_user_id = :user) %s
                        order by r.due_at, r.id
                        limit :limit
                        """.formatted(IN_QUEUE, keyset))
                .param("department", department.name()).param("user", userId).param("limit", limit + 1);
        if (after != null) {
            statement = statement.param("after", after);
        }
        return page(statement.query((rs, n) -> row(rs)).list(), limit);
    }

    @Override
    public Slice<RequestRow, Long> sentBy(long requesterId, Long after, int limit) {
        String keyset = after == null ? ""
                : " and (r.created_at, r.id) < (select a.created_at, a.id from request a where a.id = :after)";
        var statement = jdbc.sql(COLUMNS + """
                        where r.requester_id = :requester %s
                        order by r.created_at desc, r.id desc
                        limit :limit
                        """.formatted(keyset))
                .param("requester", requesterId).param("limit", limit + 1);
        if (after != null) {
            statement = statement.param("after", after);
        }
        return page(statement.query((rs, n) -> row(rs)).list(), limit);
    }

    @Override
    public List<RequestRow> waitingOn(long requesterId, int limit) {
        return jdbc.sql(COLUMNS + """
                        where r.requester_id = :requester
                          and (r.status = 'NEEDS_INFORMATION' or (r.status = 'DONE' and r.rated_at is null))
                        order by r.created_at, r.id
                        limit :limit
                        """)
                .param("requester", requesterId).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    @Override
    public MyDayRequests myDay(Department department, long userId, int limit) {
        String columns = "select :part part, " + COLUMNS.substring("select ".length());
        List<RequestRow> toAnswer = new ArrayList<>();
        List<RequestRow> waiting = new ArrayList<>();
        jdbc.sql(("(%s where %s and (r.to_department = :department or r.to_user_id = :user)"
                        + " order by r.due_at, r.id limit :limit)"
                        + " union all"
                        + " (%s where r.requester_id = :user"
                        + " and (r.status = 'NEEDS_INFORMATION' or (r.status = 'DONE' and r.rated_at is null))"
                        + " order by r.created_at, r.id limit :limit)")
                        .formatted(columns.replace(":part", "'Q'"), IN_QUEUE, columns.replace(":part", "'W'")))
                .param("department", department.name()).param("user", userId).param("limit", limit)
                .query(rs -> {
                    ("Q".equals(rs.getString("part")) ? toAnswer : waiting).add(row(rs));
                });
        return new MyDayRequests(toAnswer, waiting);
    }

    @Override
    public RequestRow request(long id) {
        return jdbc.sql(COLUMNS + " where r.id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Request", id));
    }

    @Override
    public boolean subjectBelongsTo(RequestSubject subject, long subjectId, long companyId) {
        String table = switch (subject) {
            case OPPORTUNITY -> "opportunity";
            case COMPLAINT -> "complaint";
        };
        return jdbc.sql("select exists (select 1 from %s where id = :id and company_id = :company)".formatted(table))
                .param("id", subjectId).param("company", companyId)
                .query(Boolean.class).single();
    }

    @Override
    public RequestFigures figures(int days, int oldest) {
        String departments = String.join(", ", Arrays.stream(Department.values()).map(d -> "'" + d.name() + "'").toList());
        List<DepartmentFigures> figures = jdbc.sql("""
                        select d.department,
                               count(r.id) received,
                               count(r.first_answer_at) answered,
                               count(r.id) filter (where r.status in ('NEW', 'ACCEPTED', 'NEEDS_INFORMATION')) open,
                               count(r.id) filter (where r.status in ('NEW', 'ACCEPTED') and r.first_answer_at is null
                                                     and r.due_at < now()) overdue,
                               percentile_cont(0.5) within group (order by r.first_answer_minutes) / 60.0 median_hours,
                               avg(case when r.within_level then 1.0 else 0.0 end)
                                   filter (where r.within_level is not null) within_share,
                               count(r.rated_at) rated,
                               avg(case when r.useful then 1.0 else 0.0 end) filter (where r.rated_at is not null) useful_share
                        from unnest(array[%s]::varchar[]) with ordinality d (department, rank)
                        left join request r on r.to_department = d.department
                                           and r.created_at >= now() - make_interval(days => :days)
                        group by d.department, d.rank
                        having count(r.id) > 0
                        order by d.rank
                        """.formatted(departments))
                .param("days", days)
                .query((rs, n) -> new DepartmentFigures(Department.valueOf(rs.getString("department")),
                        rs.getLong("received"), rs.getLong("answered"), rs.getLong("open"), rs.getLong("overdue"),
                        nullableDouble(rs, "median_hours"), nullableDouble(rs, "within_share"), rs.getLong("rated"),
                        nullableDouble(rs, "useful_share")))
                .list();
        List<RequestRow> open = jdbc.sql(COLUMNS + """
                        where r.status in ('NEW', 'ACCEPTED', 'NEEDS_INFORMATION')
                        order by r.created_at, r.id
                        limit :limit
                        """)
                .param("limit", oldest)
                .query((rs, n) -> row(rs)).list();
        return new RequestFigures(days, figures, open);
    }

    private static Slice<RequestRow, Long> page(List<RequestRow> rows, int limit) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<RequestRow> page = rows.subList(0, limit);
        return new Slice<>(List.copyOf(page), page.getLast().id());
    }

    private static RequestRow row(ResultSet rs) throws SQLException {
        String subject = rs.getString("subject_kind");
        long subjectId = rs.getLong("subject_id");
        Long subjectIdOrNull = rs.wasNull() ? null : subjectId;
        boolean useful = rs.getBoolean("useful");
        Boolean usefulOrNull = rs.wasNull() ? null : useful;
        return new RequestRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                RequestKind.valueOf(rs.getString("kind")), RequestStatus.valueOf(rs.getString("status")),
                Department.valueOf(rs.getString("from_department")), Department.valueOf(rs.getString("to_department")),
                rs.getString("to_user_name"), rs.getLong("requester_id"), rs.getString("requester_name"),
                rs.getString("handler_name"), subject == null ? null : RequestSubject.valueOf(subject), subjectIdOrNull,
                rs.getString("needed"), instant(rs, "created_at"), instant(rs, "due_at"), instant(rs, "needed_by"),
                rs.getBoolean("overdue"), usefulOrNull, instant(rs, "rated_at"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
