package org.relationcrm.client.persistence;

import static org.relationcrm.shared.persistence.TextMatch.anywhere;
import static org.relationcrm.shared.persistence.TextMatch.fold;
import static org.relationcrm.shared.persistence.TextMatch.justAfterEveryStartingWith;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientKind;
import org.relationcrm.client.internal.ClientQueries;
import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientSort;
import org.relationcrm.client.CompanyCard;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.CompletenessFacts;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactCard;
import org.relationcrm.client.ContactDate;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.DataCompleteness;
import org.relationcrm.client.ImportantDate;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.persistence.CompanySubsets;
import org.relationcrm.shared.persistence.SortedPage;
import org.relationcrm.shared.persistence.SortedPage.Segment;

/** The client read side in plain SQL: one statement per list or card, whatever the size of the data. */
@Repository
class SqlClientQueries implements ClientQueries {

    /** The main contact (primary first, else the oldest) and the facts completeness needs, for one company row. */
    private static final String MAIN_CONTACT_LATERAL = """
            left join lateral (
                select k.first_name mc_first, k.last_name mc_last, k.preferred_name mc_preferred,
                       k.email is not null mc_has_email,
                       (k.phone is not null or k.mobile is not null) mc_has_phone,
                       k.preferred_channel is not null mc_has_channel
                from contact k
                where k.company_id = c.id
                order by k.primary_contact desc, k.id
                limit 1) mc on true
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<CompanySubsets> subsets;

    SqlClientQueries(JdbcClient jdbc, Clock clock, ObjectProvider<CompanySubsets> subsets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subsets = subsets;
    }

    private static final String COMPANY_COLUMNS = """
            'COMPANY' kind, c.id, c.name, c.city, c.status, c.owner_id, c.created_at,
            c.sector is not null has_sector, c.city is not null has_city,
            c.legal_id is not null has_legal_id, c.website is not null has_website""";

    private static final String PERSON_COLUMNS = """
            'PERSON' kind, k.id, concat_ws(' ', k.first_name, k.last_name) as name, k.city,
            null::varchar status, null::bigint owner_id, k.created_at,
            false has_sector, k.city is not null has_city, false has_legal_id, false has_website""";

    /** Companies come before people when they tie on the sort key (ranks of {@link SortedPage}). */
    private static final int COMPANIES_RANK = 0;
    private static final int PEOPLE_RANK = 1;

    /** The lifecycle order, not the alphabet: prospects, customers, former customers. */
    private static final String COMPANY_STATUS =
            "(case c.status when 'PROSPECT' then 1 when 'CUSTOMER' then 2 when 'FORMER_CUSTOMER' then 3 end)";

    /**
     * The clients list: companies and private people in one order, one statement, every sort read from an index (see
     * V14 and V33) and cut by a keyset, so a page costs the same at any depth and any size.
     */
    @Override
    public Slice<ClientRow, SortCursor> search(ClientSearch search, ListSort<ClientSort> sort, SortCursor after,
                                               int limit) {
        boolean companies = search.kind() != ClientKind.PERSON;
        boolean people = search.kind() != ClientKind.COMPANY && search.status() == null && search.ownerId() == null
                && search.subsetId() == null;
        // a saved subset (a segment): its companies, by the subset's own statement (an unknown one keeps none)
        CompanySubsets.CompanyIds subset = search.subsetId() == null ? null
                : Optional.ofNullable(subsets.getIfAvailable()).flatMap(s -> s.companyIds(search.subsetId()))
                        .orElse(new CompanySubsets.CompanyIds("select null::bigint", java.util.Map.of()));
        // STARTS_WITH: a range [from, to) of sort_name (collation C, see V14), or of the people's emails for an address;
        // a range, unlike "like :pattern", also uses the index in a prepared statement's generic plan.
        // ANYWHERE: "like '%text%'" on the trigram indexes.
        boolean startsWith = search.match() != ClientSearch.Match.ANYWHERE;
        boolean byEmail = search.hasText() && startsWith && search.isEmail();
        String prefix = !search.hasText() || !startsWith ? null
                : byEmail ? search.text().toLowerCase(Locale.ROOT) : fold(search.text());
        if (prefix != null && prefix.isEmpty()) {
            prefix = null; // only combining marks were typed: nothing to match by
        }
        String pattern = search.hasText() && !startsWith ? anywhere(fold(search.text())) : null;
        String range = " >= :from and %s < :to";
        String emailRange = "from contact where email is not null and lower(email) collate \"C\""
                + range.formatted("lower(email) collate \"C\"");

        SortedPage page = new SortedPage(sort.column().key(), sort.descending(), after);
        List<Segment> segments = new ArrayList<>();
        if (companies) {
            StringBuilder where = new StringBuilder("where true");
            if (byEmail) {
                // the few people whose email is in the range first (an array), then their companies by primary key
                where.append(" and c.id = any(array(select company_id ").append(emailRange).append("))");
            } else if (prefix != null) {
                where.append(" and c.sort_name").append(range.formatted("c.sort_name"));
            } else if (pattern != null) {
                // the matching ids from the trigram indexes as an array, then their companies by primary key: as a
                // plain "in (subquery)" the planner, overestimating the matches, scanned every company instead
                where.append(" and c.id = any(array(").append("""
                        select id from company where search_text like :pattern
                        union
                        select company_id from contact where company_id is not null and search_text like :pattern))""");
            }
            if (search.status() != null) {
                where.append(" and c.status = :status");
            }
            if (search.ownerId() != null) {
                where.append(" and c.owner_id = :ownerId");
            }
            if (subset != null) {
                where.append(" and c.id in (").append(subset.sql()).append(")");
            }
            segments.addAll(companySegments(sort.column(), where.toString(), page));
        }
        if (people) {
            StringBuilder where = new StringBuilder("where k.company_id is null");
            if (byEmail) {
                where.append(" and k.id = any(array(select id ").append(emailRange).append("))");
            } else if (prefix != null) {
                where.append(" and k.sort_name").append(range.formatted("k.sort_name"));
            } else if (pattern != null) {
                where.append(" and k.search_text like :pattern");
            }
            // they have no status and no owner: last in those sorts
            segments.addAll(Rows.PEOPLE.by(sort.column(), where.toString()));
        }
        String sql = """
                select r.*, u.full_name owner_name, mc.*, coalesce(cx.last_at, kx.last_at) last_interaction_at
                from (select * from (%s) segments order by %s limit :limit) r
                left join app_user u on u.id = r.owner_id
                left join company_last_exchange cx on r.kind = 'COMPANY' and cx.company_id = r.id
                left join contact_last_exchange kx on r.kind = 'PERSON' and kx.contact_id = r.id
                left join lateral (
                    select k.first_name mc_first, k.last_name mc_last, k.preferred_name mc_preferred,
                           k.email is not null mc_has_email,
                           (k.phone is not null or k.mobile is not null) mc_has_phone,
                           k.preferred_channel is not null mc_has_channel
                    from contact k
                    where (r.kind = 'COMPANY' and k.company_id = r.id) or (r.kind = 'PERSON' and k.id = r.id)
                    order by k.primary_contact desc, k.id
                    limit 1) mc on true
                order by %s
                """.formatted(page.union(segments), page.order(null), page.order("r"));

        var statement = page.bind(jdbc.sql(sql).param("limit", limit + 1));
        if (prefix != null) {
            statement = statement.param("from", prefix).param("to", justAfterEveryStartingWith(prefix));
        }
        if (pattern != null) {
            statement = statement.param("pattern", pattern);
        }
        if (search.status() != null && companies) {
            statement = statement.param("status", search.status().name());
        }
        if (search.ownerId() != null && companies) {
            statement = statement.param("ownerId", search.ownerId());
        }
        if (subset != null && companies) {
            statement = statement.params(subset.params());
        }
        Instant now = clock.instant();
        String sortCode = sort.code();
        List<RowWithCursor> rows = statement
                .query((rs, n) -> new RowWithCursor(toClientRow(rs, now), page.cursorAt(rs, sortCode)))
                .list();
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(RowWithCursor::row).toList(), null);
        }
        List<RowWithCursor> shown = rows.subList(0, limit);
        return new Slice<>(shown.stream().map(RowWithCursor::row).toList(), shown.getLast().cursor());
    }

    private record RowWithCursor(ClientRow row, SortCursor cursor) {
    }

    /** Where the rows of one kind come from: the table (alias), its columns and its table of last exchanges. */
    private record Rows(int rank, String columns, String table, String alias, String lastExchanges, String lastOf) {

        static final Rows COMPANIES = new Rows(COMPANIES_RANK, COMPANY_COLUMNS, "company", "c", "company_last_exchange",
                "company_id");
        static final Rows PEOPLE = new Rows(PEOPLE_RANK, PERSON_COLUMNS, "contact", "k", "contact_last_exchange",
                "contact_id");

        /** The segments of a column both kinds have: a value (from its index) first, then the rows without one. */
        List<Segment> by(ClientSort column, String where) {
            String from = "from " + table + " " + alias + " " + where;
            String id = alias + ".id";
            return switch (column) {
                case NAME -> List.of(Segment.withValue(rank, columns, from, alias + ".sort_name", id));
                case CITY -> List.of(
                        Segment.withValue(rank, columns, from + " and " + alias + ".city is not null",
                                "relation_fold(" + alias + ".city) collate \"C\"", id),
                        Segment.withoutValue(rank, columns, from + " and " + alias + ".city is null", id));
                case LAST_INTERACTION -> List.of(
                        Segment.withValue(rank, columns, "from " + table + " " + alias + " join " + lastExchanges
                                + " x on x." + lastOf + " = " + id + " " + where, "x.last_at", "x." + lastOf),
                        Segment.withoutValue(rank, columns, from + " and not exists (select 1 from " + lastExchanges
                                + " x where x." + lastOf + " = " + id + ")", id));
                case STATUS, OWNER -> List.of(Segment.withoutValue(rank, columns, from, id));
            };
        }
    }

    /** The companies of the list, by the sorted column: with a value (by its index), then without. */
    private static List<Segment> companySegments(ClientSort column, String where, SortedPage page) {
        return switch (column) {
            case STATUS -> List.of(Segment.withValue(COMPANIES_RANK, COMPANY_COLUMNS, "from company c " + where,
                    COMPANY_STATUS, "c.id"));
            case OWNER -> List.of(Segment.custom(COMPANIES_RANK, false, position -> byOwner(where, page, position)));
            case NAME, CITY, LAST_INTERACTION -> Rows.COMPANIES.by(column, where);
        };
    }

    /**
     * The companies by owner: the owners (a handful of users) in the order of their names, and for each one its
     * companies by name from the index (owner_id, sort_name, id), at most a page of them; the key is the owner's
     * name, chr(1), the company's (chr(1) sorts before any character of a name, so this is the order of the pair).
     */
    private static String byOwner(String where, SortedPage page, SortedPage.Position position) {
        String owner = "split_part(:afterKey, chr(1), 1)";
        String name = "substr(:afterKey, strpos(:afterKey, chr(1)) + 1)";
        String owners = "true";
        String companies = "true";
        if (position != SortedPage.Position.ALL_AFTER) {
            owners = "u.owner_name " + page.beyond() + "= " + owner;
            companies = "(u.owner_name <> " + owner + " or "
                    + page.condition(position, "c.sort_name", "c.id").replace(":afterKey", name) + ")";
        }
        return """
                (select r.* from (select id owner_id, relation_fold(full_name) collate "C" owner_name from app_user) u
                 cross join lateral (
                     select %s, (u.owner_name || chr(1) || c.sort_name) collate "C" sort_key, 0 sort_empty,
                            %d kind_rank
                     from company c %s and c.owner_id = u.owner_id and %s
                     order by c.sort_name%s, c.id%s limit :limit) r
                 where %s
                 order by r.sort_key%s, r.id%s limit :limit)""".formatted(COMPANY_COLUMNS, COMPANIES_RANK, where,
                companies, page.dir(), page.dir(), owners, page.dir(), page.dir());
    }

    private static ClientRow toClientRow(ResultSet rs, Instant now) throws SQLException {
        ClientKind kind = ClientKind.valueOf(rs.getString("kind"));
        Instant lastAt = instant(rs, "last_interaction_at");
        boolean hasContact = rs.getString("mc_last") != null;
        CompletenessFacts facts = new CompletenessFacts(rs.getBoolean("has_sector"), rs.getBoolean("has_city"),
                rs.getBoolean("has_legal_id"), rs.getBoolean("has_website"), hasContact,
                rs.getBoolean("mc_has_email"), rs.getBoolean("mc_has_phone"), rs.getBoolean("mc_has_channel"), lastAt,
                instant(rs, "created_at"));
        String status = rs.getString("status");
        String mainContact = kind == ClientKind.COMPANY && hasContact ? personName(rs) : null;
        return new ClientRow(kind, rs.getLong("id"), rs.getString("name"), rs.getString("city"),
                status == null ? null : CompanyStatus.valueOf(status), rs.getString("owner_name"), mainContact, lastAt,
                kind == ClientKind.COMPANY ? DataCompleteness.of(facts, now) : null);
    }

    private static String personName(ResultSet rs) throws SQLException {
        String first = rs.getString("mc_first");
        String last = rs.getString("mc_last");
        return first == null ? last : first + " " + last;
    }

    @Override
    public Optional<CompanyCard> company(long companyId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select c.*, u.full_name owner_name, mc.*,
                               (select count(*) from contact k where k.company_id = c.id) contact_count,
                               (select max(i.occurred_at) from interaction i
                                where i.company_id = c.id and i.kind = 'EXCHANGE') last_interaction_at
                        from company c
                        join app_user u on u.id = c.owner_id
                        """ + MAIN_CONTACT_LATERAL + """
                        where c.id = :id
                        """)
                .param("id", companyId)
                .query((rs, n) -> {
                    CompanyDetails details = new CompanyDetails(rs.getString("name"), rs.getString("legal_id"),
                            rs.getString("sector"), enumOrNull(CompanySize.class, rs.getString("size")),
                            rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                            rs.getString("country"), rs.getString("website"), rs.getString("phone"),
                            CompanyStatus.valueOf(rs.getString("status")), rs.getLong("owner_id"), rs.getString("notes"));
                    Instant lastAt = instant(rs, "last_interaction_at");
                    CompletenessFacts facts = new CompletenessFacts(details.sector() != null, details.city() != null,
                            details.legalId() != null, details.website() != null, rs.getString("mc_last") != null,
                            rs.getBoolean("mc_has_email"), rs.getBoolean("mc_has_phone"),
                            rs.getBoolean("mc_has_channel"), lastAt, instant(rs, "created_at"));
                    return new CompanyCard(rs.getLong("id"), rs.getLong("version"), details, rs.getString("owner_name"),
                            instant(rs, "created_at"), lastAt, rs.getInt("contact_count"), DataCompleteness.of(facts, now));
                })
                .optional();
    }

    private static final String CONTACT_COLUMNS = """
            select k.*, c.name company_name
            from contact k
            left join company c on c.id = k.company_id
            """;

    @Override
    public List<ContactCard> contactsOf(long companyId, int offset, int limit) {
        return jdbc.sql(CONTACT_COLUMNS + """
                        where k.company_id = :companyId
                        order by k.primary_contact desc, k.sort_name, k.id
                        limit :limit offset :offset
                        """)
                .param("companyId", companyId)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> toContactCard(rs))
                .list();
    }

    @Override
    public Optional<ContactCard> contact(long contactId) {
        return jdbc.sql(CONTACT_COLUMNS + " where k.id = :id")
                .param("id", contactId)
                .query((rs, n) -> toContactCard(rs))
                .optional();
    }

    private static ContactCard toContactCard(ResultSet rs) throws SQLException {
        ContactDetails details = new ContactDetails(Civility.valueOf(rs.getString("civility")),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("preferred_name"),
                rs.getString("job_title"), rs.getString("email"), rs.getString("phone"), rs.getString("mobile"),
                rs.getString("city"), enumOrNull(Channel.class, rs.getString("preferred_channel")),
                rs.getString("language"), List.of(), rs.getString("personal_notes"), rs.getString("preferences"),
                new Consent(rs.getBoolean("consent_email"), rs.getBoolean("consent_phone"),
                        rs.getBoolean("consent_sms"), rs.getBoolean("consent_letter")));
        // getObject: a private customer has no company (null), where getLong would answer 0
        return new ContactCard(rs.getLong("id"), rs.getLong("version"), rs.getObject("company_id", Long.class),
                rs.getString("company_name"), rs.getBoolean("primary_contact"), details, instant(rs, "created_at"));
    }

    private static final String DATE_COLUMNS = """
            select d.contact_id, concat_ws(' ', k.first_name, k.last_name) contact_name, d.label, d.the_date
            from contact_important_date d
            join contact k on k.id = d.contact_id
            """;

    @Override
    public List<ContactDate> importantDatesOfCompany(long companyId) {
        return jdbc.sql(DATE_COLUMNS + " where k.company_id = :id")
                .param("id", companyId)
                .query((rs, n) -> toContactDate(rs))
                .list();
    }

    @Override
    public List<ContactDate> importantDatesOfContact(long contactId) {
        return jdbc.sql(DATE_COLUMNS + " where k.id = :id")
                .param("id", contactId)
                .query((rs, n) -> toContactDate(rs))
                .list();
    }

    private static ContactDate toContactDate(ResultSet rs) throws SQLException {
        return new ContactDate(rs.getLong("contact_id"), rs.getString("contact_name"),
                new ImportantDate(rs.getString("label"), rs.getObject("the_date", java.time.LocalDate.class)));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
