package org.relationcrm.search.persistence;

import static org.relationcrm.shared.persistence.TextMatch.anywhere;
import static org.relationcrm.shared.persistence.TextMatch.fold;
import static org.relationcrm.shared.persistence.TextMatch.justAfterEveryStartingWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.search.SearchHit;
import org.relationcrm.search.SearchKind;
import org.relationcrm.search.SearchQueries;
import org.relationcrm.search.SearchQuery;

/**
 * The search box in one statement. Each kind unions at most four index lookups, each cut at {@code :n} rows before
 * anything is sorted, so the cost depends on {@code :n}, not on the size of the tables nor on how many rows match:
 * <ul>
 *     <li>"starts with": a range of a b-tree in collation C (names: V14; deal titles: V30);</li>
 *     <li>"anywhere", from three characters on: LIKE on a trigram GIN index (V2; deal titles and complaint
 *     descriptions: V30; complaint subjects, before descriptions: V34), the first {@code :n} matches found;</li>
 *     <li>by the company: the deals and complaints of the first {@code :n} companies whose name starts with the text
 *     (by company id, V6 and V10), and a complaint by its number.</li>
 * </ul>
 * Within a kind, name starts come first, then the rest; open deals and complaints before closed ones.
 */
@Repository
class SqlSearchQueries implements SearchQueries {

    private static final String COMPANY_PREFIX = """
            company_prefix as (
                select id from company where sort_name >= :from and sort_name < :to order by sort_name, id limit :n)""";

    private static final Map<SearchKind, String> SELECTS = Map.of(
            SearchKind.COMPANY, """
                    companies as (
                        select 0 kind_order, 'COMPANY' kind, c.id, c.name, null::text company_name, c.city,
                               c.status state, row_number() over (order by h.rank, c.sort_name, c.id) pos
                        from (select distinct on (id) id, rank from (%s) hits order by id, rank) h
                        join company c on c.id = h.id)""",
            SearchKind.PERSON, """
                    people as (
                        select 1 kind_order, 'PERSON' kind, k.id, concat_ws(' ', k.first_name, k.last_name) as name,
                               co.name company_name, coalesce(k.city, co.city) city, null::text state,
                               row_number() over (order by h.rank, k.sort_name, k.id) pos
                        from (select distinct on (id) id, rank from (%s) hits order by id, rank) h
                        join contact k on k.id = h.id
                        left join company co on co.id = k.company_id)""",
            SearchKind.DEAL, """
                    deals as (
                        select 2 kind_order, 'DEAL' kind, o.id, o.title as name, co.name company_name, co.city,
                               o.stage state,
                               row_number() over (order by h.rank, o.stage in ('WON', 'LOST'), o.expected_close_on,
                                                           o.id) pos
                        from (select distinct on (id) id, rank from (%s) hits order by id, rank) h
                        join opportunity o on o.id = h.id
                        join company co on co.id = o.company_id)""",
            SearchKind.COMPLAINT, """
                    complaints as (
                        select 3 kind_order, 'COMPLAINT' kind, k.id, k.subject as name,
                               co.name company_name, co.city, k.status state,
                               row_number() over (order by h.rank, k.status in ('RESOLVED', 'CLOSED'),
                                                           k.opened_at desc, k.id desc) pos
                        from (select distinct on (id) id, rank from (%s) hits order by id, rank) h
                        join complaint k on k.id = h.id
                        join company co on co.id = k.company_id)""");

    private static final Map<SearchKind, String> NAMES = Map.of(SearchKind.COMPANY, "companies",
            SearchKind.PERSON, "people", SearchKind.DEAL, "deals", SearchKind.COMPLAINT, "complaints");

    private final JdbcClient jdbc;

    SqlSearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> find(SearchQuery query) {
        String folded = query.isEmpty() ? "" : fold(query.text());
        if (folded.isBlank()) {
            return List.of(); // nothing typed but combining marks or spaces
        }
        boolean anywhere = query.matchesAnywhere();
        Long number = query.kinds().contains(SearchKind.COMPLAINT) ? query.number() : null;
        boolean companyPrefix = query.kinds().contains(SearchKind.DEAL) || query.kinds().contains(SearchKind.COMPLAINT);

        List<String> ctes = new ArrayList<>();
        if (companyPrefix) {
            ctes.add(COMPANY_PREFIX);
        }
        List<String> selects = new ArrayList<>();
        for (SearchKind kind : SearchKind.values()) {
            if (query.kinds().contains(kind)) {
                ctes.add(SELECTS.get(kind).formatted(String.join("\n union all ", lookups(kind, anywhere, number))));
                selects.add("select * from " + NAMES.get(kind) + " where pos <= :n");
            }
        }
        String sql = "with " + String.join(",\n", ctes) + "\n" + String.join("\nunion all\n", selects)
                + "\norder by kind_order, pos";

        var statement = jdbc.sql(sql).param("n", query.perKind())
                .param("from", folded).param("to", justAfterEveryStartingWith(folded));
        if (anywhere) {
            statement = statement.param("pattern", anywhere(folded));
        }
        if (number != null) {
            statement = statement.param("number", number);
        }
        return statement.query((rs, n) -> new SearchHit(SearchKind.valueOf(rs.getString("kind")), rs.getLong("id"),
                rs.getString("name"), rs.getString("company_name"), rs.getString("city"), rs.getString("state")))
                .list();
    }

    /** The index lookups of one kind, each with its rank (lower shown first) and cut at :n rows. */
    private static List<String> lookups(SearchKind kind, boolean anywhere, Long number) {
        List<String> lookups = new ArrayList<>();
        switch (kind) {
            case COMPANY -> {
                lookups.add("""
                        (select id, 0 rank from company
                         where sort_name >= :from and sort_name < :to order by sort_name, id limit :n)""");
                if (anywhere) {
                    lookups.add("(select id, 1 rank from company where search_text like :pattern limit :n)");
                }
            }
            case PERSON -> {
                lookups.add("""
                        (select id, 0 rank from contact
                         where sort_name >= :from and sort_name < :to order by sort_name, id limit :n)""");
                if (anywhere) {
                    lookups.add("(select id, 1 rank from contact where search_text like :pattern limit :n)");
                }
            }
            case DEAL -> {
                lookups.add("""
                        (select id, 0 rank from opportunity
                         where relation_fold(title) collate "C" >= :from and relation_fold(title) collate "C" < :to
                         order by relation_fold(title) collate "C" limit :n)""");
                lookups.add("""
                        (select id, 1 rank from opportunity
                         where company_id = any(array(select id from company_prefix))
                         order by stage in ('WON', 'LOST'), expected_close_on limit :n)""");
                if (anywhere) {
                    lookups.add("(select id, 2 rank from opportunity where relation_fold(title) like :pattern limit :n)");
                }
            }
            case COMPLAINT -> {
                if (number != null) {
                    lookups.add("(select id, 0 rank from complaint where id = :number)");
                }
                lookups.add("""
                        (select id, 1 rank from complaint
                         where company_id = any(array(select id from company_prefix))
                         order by status in ('RESOLVED', 'CLOSED'), opened_at desc limit :n)""");
                if (anywhere) {
                    lookups.add("""
                            (select id, 2 rank from complaint where relation_fold(subject) like :pattern limit :n)""");
                    lookups.add("""
                            (select id, 3 rank from complaint where relation_fold(description) like :pattern limit :n)""");
                }
            }
        }
        return lookups;
    }
}
