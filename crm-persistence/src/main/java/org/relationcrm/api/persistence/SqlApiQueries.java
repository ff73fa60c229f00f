package org.relationcrm.api.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiPage;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.CompanyResource;
import org.relationcrm.api.ApiResources.ComplaintResource;
import org.relationcrm.api.ApiResources.DealResource;
import org.relationcrm.api.ApiResources.InteractionResource;
import org.relationcrm.api.ApiResources.OrderLineResource;
import org.relationcrm.api.ApiResources.OrderResource;
import org.relationcrm.api.ApiResources.PersonResource;
import org.relationcrm.api.ApiResources.RequestResource;
import org.relationcrm.client.Civility;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintStatus;
import org.relationcrm.feedback.Severity;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.order.CancelReason;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ReadModel;

/**
 * The API's lists: one statement per page, keyset on the primary key ({@code id > :after order by id}), the filters
 * asked for and no other (the statement holds only their conditions, so each uses its index: owner, company,
 * {@code updated_at} of V77, V78, V88). People and product lines of a row, an order's lines, come in the same
 * statement, as arrays.
 */
@Repository
@ReadModel
class SqlApiQueries implements ApiQueries {

    private static final String COMPANY = """
            select id, version, name, legal_id, sector, size, street, postal_code, city, country, website, phone,
                   status, owner_id, notes, created_at, updated_at
            from company t""";

    private static final String PERSON = """
            select id, version, company_id, primary_contact, civility, first_name, last_name, preferred_name,
                   job_title, email, phone, mobile, city, preferred_channel, language, personal_notes, preferences,
                   consent_email, consent_phone, consent_sms, consent_letter, created_at, updated_at
            from contact t""";

    private static final String INTERACTION = """
            select id, version, company_id, channel, direction, occurred_at, author_id, subject, summary, outcome,
                   sentiment, next_step, next_step_due, next_step_done_at, logged_at, updated_at,
                   array(select ic.contact_id from interaction_contact ic where ic.interaction_id = t.id
                         order by ic.contact_id) person_ids
            from interaction t""";

    private static final String DEAL = """
            select id, version, company_id, title, amount, currency, stage, probability, expected_close_on, owner_id,
                   source, next_step, next_step_due, created_at, closed_at, updated_at,
                   array(select oc.contact_id from opportunity_contact oc where oc.opportunity_id = t.id
                         order by oc.contact_id) person_ids,
                   array(select op.product_line_id from opportunity_product_line op where op.opportunity_id = t.id
                         order by op.product_line_id) product_line_ids
            from opportunity t""";

    private static final String COMPLAINT = """
            select id, version, company_id, contact_id, channel, category, severity, subject, description, owner_id,
                   status, escalation_level, opened_at, first_response_due, resolution_due, resolved_at, closed_at,
                   updated_at
            from complaint t""";

    private static final String ORDER = """
            select id, version, number, company_id, contact_id, opportunity_id, ordered_on, currency, payment_terms,
                   promised_on, total, status, shipped_on, delivered_on, delivery_incident, invoice_number,
                   invoiced_on, invoice_due_on, paid_on, cancel_reason, cancel_note, created_by, created_at,
                   updated_at,
                   array(select l.product_line_id from order_line l where l.order_id = t.id order by l.position)
                       line_product_lines,
                   array(select l.quantity from order_line l where l.order_id = t.id order by l.position)
                       line_quantities,
                   array(select l.unit_price from order_line l where l.order_id = t.id order by l.position)
                       line_unit_prices,
                   array(select l.discount_percent from order_line l where l.order_id = t.id order by l.position)
                       line_discounts
            from customer_order t""";

    private static final String REQUEST = """
            select id, version, company_id, subject_kind, subject_id, requester_id, from_department, to_department,
                   to_user_id, kind, needed, needed_by, status, created_at, due_at, handler_id, accepted_at,
                   first_answer_at, within_level, closed_at, answer, decline_reason, information_asked,
                   information_given, useful, rating_comment, rated_at, updated_at
            from request t""";

    private final JdbcClient jdbc;

    SqlApiQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ApiPage<CompanyResource> companies(ApiFilter filter, long after, int limit) {
        return page(COMPANY, "true", columns("t.owner_id", "t.status", "t.id"), filter, after, limit,
                SqlApiQueries::company, CompanyResource::id);
    }

    @Override
    public Optional<CompanyResource> company(long id) {
        return one(COMPANY, id, SqlApiQueries::company);
    }

    @Override
    public ApiPage<PersonResource> people(ApiFilter filter, long after, int limit) {
        return page(PERSON, "true", columns(null, null, "t.company_id"), filter, after, limit,
                SqlApiQueries::person, PersonResource::id);
    }

    @Override
    public Optional<PersonResource> person(long id) {
        return one(PERSON, id, SqlApiQueries::person);
    }

    @Override
    public ApiPage<InteractionResource> interactions(ApiFilter filter, long after, int limit) {
        return page(INTERACTION, "t.kind = 'EXCHANGE'", columns("t.author_id", null, "t.company_id"), filter, after,
                limit, SqlApiQueries::interaction, InteractionResource::id);
    }

    @Override
    public Optional<InteractionResource> interaction(long id) {
        return one(INTERACTION + " where t.kind = 'EXCHANGE' and", id, SqlApiQueries::interaction);
    }

    @Override
    public ApiPage<DealResource> deals(ApiFilter filter, long after, int limit) {
        return page(DEAL, "true", columns("t.owner_id", "t.stage", "t.company_id"), filter, after, limit,
                SqlApiQueries::deal, DealResource::id);
    }

    @Override
    public Optional<DealResource> deal(long id) {
        return one(DEAL, id, SqlApiQueries::deal);
    }

    @Override
    public ApiPage<ComplaintResource> complaints(ApiFilter filter, long after, int limit) {
        return page(COMPLAINT, "true", columns("t.owner_id", "t.status", "t.company_id"), filter, after, limit,
                SqlApiQueries::complaint, ComplaintResource::id);
    }

    @Override
    public Optional<ComplaintResource> complaint(long id) {
        return one(COMPLAINT, id, SqlApiQueries::complaint);
    }

    @Override
    public ApiPage<OrderResource> orders(ApiFilter filter, long after, int limit) {
        return page(ORDER, "true", columns("t.created_by", "t.status", "t.company_id"), filter, after, limit,
                SqlApiQueries::order, OrderResource::id);
    }

    @Override
    public Optional<OrderResource> order(long id) {
        return one(ORDER, id, SqlApiQueries::order);
    }

    @Override
    public ApiPage<RequestResource> requests(ApiFilter filter, long after, int limit) {
        return page(REQUEST, "true", columns("t.requester_id", "t.status", "t.company_id", "t.kind",
                "t.to_department"), filter, after, limit, SqlApiQueries::request, RequestResource::id);
    }

    @Override
    public Optional<RequestResource> request(long id) {
        return one(REQUEST, id, SqlApiQueries::request);
    }

    /** Which column each filter reads for a list; null: the filter does not apply to it (ignored). */
    private record Columns(String owner, String status, String company, String kind, String department) {
    }

    private static Columns columns(String owner, String status, String company) {
        return new Columns(owner, status, company, null, null);
    }

    private static Columns columns(String owner, String status, String company, String kind, String department) {
        return new Columns(owner, status, company, kind, department);
    }

    private <T> ApiPage<T> page(String select, String where, Columns columns, ApiFilter filter, long after,
                                int limit, RowMapper<T> mapper, ToLongFunction<T> id) {
        StringBuilder sql = new StringBuilder(select).append(" where ").append(where).append(" and t.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", after);
        if (filter.owner() != null && columns.owner() != null) {
            sql.append(" and ").append(columns.owner()).append(" = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.status() != null && columns.status() != null) {
            sql.append(" and ").append(columns.status()).append(" = :status");
            params.put("status", filter.status());
        }
        if (filter.company() != null && columns.company() != null) {
            sql.append(" and ").append(columns.company()).append(" = :company");
            params.put("company", filter.company());
        }
        if (filter.kind() != null && columns.kind() != null) {
            sql.append(" and ").append(columns.kind()).append(" = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.department() != null && columns.department() != null) {
            sql.append(" and ").append(columns.department()).append(" = :department");
            params.put("department", filter.department());
        }
        if (filter.updatedSince() != null) {
            sql.append(" and t.updated_at >= :since");
            params.put("since", Timestamp.from(filter.updatedSince()));
        }
        sql.append(" order by t.id limit :limit");
        params.put("limit", limit + 1);
        List<T> rows = jdbc.sql(sql.toString()).params(params).query(mapper).list();
        return ApiPage.of(rows, limit, id);
    }

    private <T> Optional<T> one(String select, long id, RowMapper<T> mapper) {
        String sql = select.endsWith(" and") ? select + " t.id = :id" : select + " where t.id = :id";
        return jdbc.sql(sql).param("id", id).query(mapper).optional();
    }

    private static CompanyResource company(ResultSet rs, int n) throws SQLException {
        return new CompanyResource(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
                rs.getString("legal_id"), rs.getString("sector"), named(CompanySize.class, rs.getString("size")),
                rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), rs.getString("country"),
                rs.getString("website"), rs.getString("phone"),
                named(CompanyStatus.class, rs.getString("status")), rs.getLong("owner_id"), rs.getString("notes"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static PersonResource person(ResultSet rs, int n) throws SQLException {
        return new PersonResource(rs.getLong("id"), rs.getLong("version"), nullableLong(rs, "company_id"),
                rs.getBoolean("primary_contact"), named(Civility.class, rs.getString("civility")),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("preferred_name"),
                rs.getString("job_title"), rs.getString("email"), rs.getString("phone"), rs.getString("mobile"),
                rs.getString("city"), named(Channel.class, rs.getString("preferred_channel")),
                rs.getString("language"), rs.getString("personal_notes"), rs.getString("preferences"),
                rs.getBoolean("consent_email"), rs.getBoolean("consent_phone"), rs.getBoolean("consent_sms"),
                rs.getBoolean("consent_letter"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static InteractionResource interaction(ResultSet rs, int n) throws SQLException {
        return new InteractionResource(rs.getLong("id"), rs.getLong("version"), nullableLong(rs, "company_id"),
                ids(rs.getArray("person_ids")), named(Channel.class, rs.getString("channel")),
                named(Direction.class, rs.getString("direction")), instant(rs, "occurred_at"),
                rs.getLong("author_id"), rs.getString("subject"), rs.getString("summary"), rs.getString("outcome"),
                named(Sentiment.class, rs.getString("sentiment")), rs.getString("next_step"),
                rs.getObject("next_step_due", LocalDate.class), instant(rs, "next_step_done_at"),
                instant(rs, "logged_at"), instant(rs, "updated_at"));
    }

    private static DealResource deal(ResultSet rs, int n) throws SQLException {
        return new DealResource(rs.getLong("id"), rs.getLong("version"), rs.getLong("company_id"),
                rs.getString("title"), rs.getBigDecimal("amount"), rs.getString("currency"),
                named(Stage.class, rs.getString("stage")), rs.getInt("probability"),
                rs.getObject("expected_close_on", LocalDate.class), rs.getLong("owner_id"),
                named(OpportunitySource.class, rs.getString("source")), rs.getString("next_step"),
                rs.getObject("next_step_due", LocalDate.class), ids(rs.getArray("person_ids")),
                ids(rs.getArray("product_line_ids")), instant(rs, "created_at"), instant(rs, "closed_at"),
                instant(rs, "updated_at"));
    }

    private static ComplaintResource complaint(ResultSet rs, int n) throws SQLException {
        return new ComplaintResource(rs.getLong("id"), rs.getLong("version"), rs.getLong("company_id"),
                nullableLong(rs, "contact_id"), named(Channel.class, rs.getString("channel")),
                named(ComplaintCategory.class, rs.getString("category")),
                named(Severity.class, rs.getString("severity")), rs.getString("subject"),
                rs.getString("description"), rs.getLong("owner_id"),
                named(ComplaintStatus.class, rs.getString("status")), rs.getInt("escalation_level"),
                instant(rs, "opened_at"), instant(rs, "first_response_due"), instant(rs, "resolution_due"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "updated_at"));
    }

    private static OrderResource order(ResultSet rs, int n) throws SQLException {
        return new OrderResource(rs.getLong("id"), rs.getLong("version"), rs.getString("number"),
                rs.getLong("company_id"), nullableLong(rs, "contact_id"), nullableLong(rs, "opportunity_id"),
                rs.getObject("ordered_on", LocalDate.class), rs.getString("currency"),
                named(PaymentTerms.class, rs.getString("payment_terms")), rs.getObject("promised_on", LocalDate.class),
                rs.getBigDecimal("total"), named(OrderStatus.class, rs.getString("status")),
                rs.getObject("shipped_on", LocalDate.class), rs.getObject("delivered_on", LocalDate.class),
                rs.getString("delivery_incident"), rs.getString("invoice_number"),
                rs.getObject("invoiced_on", LocalDate.class), rs.getObject("invoice_due_on", LocalDate.class),
                rs.getObject("paid_on", LocalDate.class), named(CancelReason.class, rs.getString("cancel_reason")),
                rs.getString("cancel_note"), rs.getLong("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"), lines(rs));
    }

    /** The lines, from the four arrays of the order's statement (each in the lines' order). */
    private static List<OrderLineResource> lines(ResultSet rs) throws SQLException {
        List<Long> productLines = ids(rs.getArray("line_product_lines"));
        Object[] quantities = (Object[]) rs.getArray("line_quantities").getArray();
        Object[] prices = (Object[]) rs.getArray("line_unit_prices").getArray();
        Object[] discounts = (Object[]) rs.getArray("line_discounts").getArray();
        List<OrderLineResource> lines = new ArrayList<>(productLines.size());
        for (int i = 0; i < productLines.size(); i++) {
            lines.add(new OrderLineResource(productLines.get(i), ((Number) quantities[i]).intValue(),
                    (BigDecimal) prices[i], (BigDecimal) discounts[i]));
        }
        return List.copyOf(lines);
    }

    private static RequestResource request(ResultSet rs, int n) throws SQLException {
        return new RequestResource(rs.getLong("id"), rs.getLong("version"), rs.getLong("company_id"),
                named(RequestSubject.class, rs.getString("subject_kind")), nullableLong(rs, "subject_id"),
                rs.getLong("requester_id"), named(Department.class, rs.getString("from_department")),
                named(Department.class, rs.getString("to_department")), nullableLong(rs, "to_user_id"),
                named(RequestKind.class, rs.getString("kind")), rs.getString("needed"), instant(rs, "needed_by"),
                named(RequestStatus.class, rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "due_at"), nullableLong(rs, "handler_id"), instant(rs, "accepted_at"),
                instant(rs, "first_answer_at"), rs.getObject("within_level", Boolean.class),
                instant(rs, "closed_at"), rs.getString("answer"), rs.getString("decline_reason"),
                rs.getString("information_asked"), rs.getString("information_given"),
                rs.getObject("useful", Boolean.class), rs.getString("rating_comment"), instant(rs, "rated_at"),
                instant(rs, "updated_at"));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<Long> ids(Array array) throws SQLException {
        List<Long> ids = new ArrayList<>();
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                ids.add(((Number) id).longValue());
            }
        }
        return List.copyOf(ids);
    }
}
