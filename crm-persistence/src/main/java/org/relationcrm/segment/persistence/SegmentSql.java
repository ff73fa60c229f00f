package org.relationcrm.segment.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relationcrm.client.DataCompleteness;
import org.relationcrm.client.MissingItem;
import org.relationcrm.segment.Held;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.shared.persistence.CompanySubsets;

/**
 * A segment's criteria as SQL: one condition per criterion, each on an index (a primary key, a client's rows by
 * {@code company_id}, the materialized risk), joined by AND, with every value a named parameter. The text of the
 * statement depends only on which criteria are set and on enum constants, never on what a user typed.
 * <ul>
 * <li>{@link #companies}: the condition on {@code company c} (a person criterion becomes "one of its people").</li>
 * <li>{@link #people}: the condition on {@code contact k} of such a company.</li>
 * </ul>
 * The completeness criterion needs the main contact ({@link #MAIN_CONTACT}, joined as {@code mc}).
 */
final class SegmentSql {

    /**
     * The facts of the main contact (primary first, else the oldest, as the clients list reads it) that completeness
     * needs, kept per company by triggers on the people (V90): no row when the company has nobody.
     */
    static final String MAIN_CONTACT = """
            left join company_main_contact mc on mc.company_id = c.id
            """;

    private final List<String> company = new ArrayList<>();
    private final List<String> person = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final boolean mainContact;
    /** The company criteria alone, for statements that join the people (their criteria apply there). */
    private final String clientsOnly;
    /** "One of its people matches" on {@code company c} ("true" without a criterion about people). */
    private final String somePerson;
    /** The kept companies are worth computing once for both counts (see {@link #computedOnce()}). */
    private final boolean computedOnce;

    SegmentSql(SegmentCriteria c, LocalDate today, Instant now) {
        if (c.status() != null) {
            company.add("c.status = :status");
            params.put("status", c.status().name());
        }
        if (c.sector() != null) {
            company.add("relation_fold(c.sector) = relation_fold(:sector)");
            params.put("sector", c.sector());
        }
        if (c.size() != null) {
            company.add("c.size = :size");
            params.put("size", c.size().name());
        }
        if (c.city() != null) {
            company.add("relation_fold(c.city) = relation_fold(:city)");
            params.put("city", c.city());
        }
        if (c.postalPrefix() != null) {
            // a range of text, not "like": the prefix is a value, never a pattern
            company.add("c.postal_code >= :postalFrom and c.postal_code < :postalTo");
            params.put("postalFrom", c.postalPrefix());
            params.put("postalTo", c.postalPrefix() + "\uffff");
        }
        if (c.ownerId() != null) {
            company.add("c.owner_id = :ownerId");
            params.put("ownerId", c.ownerId());
        }
        if (c.productLineId() != null) {
            company.add((c.held() == Held.NOT_HELD ? "not " : "") + """
                    exists (select 1 from customer_product_line h
                            where h.company_id = c.id and h.product_line_id = :productLineId)""");
            params.put("productLineId", c.productLineId());
        }
        if (c.silentDays() != null) {
            // silent for N days: no exchange since the start of the day N-1 days ago (days cut in the session's zone)
            company.add("""
                    not exists (select 1 from company_last_exchange x
                                where x.company_id = c.id and x.last_at >= cast(:silentSince as date))""");
            params.put("silentSince", today.minusDays(c.silentDays() - 1L));
        }
        if (c.activeDays() != null) {
            company.add("""
                    exists (select 1 from company_last_exchange x
                            where x.company_id = c.id and x.last_at >= cast(:activeSince as date))""");
            params.put("activeSince", today.minusDays(c.activeDays() - 1L));
        }
        if (c.nps() != null) {
            // each client's last answer in one pass over the answers' index, not one probe per client
            company.add("""
                    c.id in (select n.company_id
                             from (select distinct on (s.company_id) s.company_id, s.score from survey s
                                   where s.kind = 'NPS' and s.answered_at is not null and s.company_id is not null
                                   order by s.company_id, s.answered_at desc) n
                             where n.score between :npsLowest and :npsHighest)""");
            params.put("npsLowest", c.nps().lowest());
            params.put("npsHighest", c.nps().highest());
        }
        if (c.openComplaints() != null) {
            company.add((c.openComplaints() ? "" : "not ") + """
                    exists (select 1 from complaint k
                            where k.company_id = c.id and k.status in ('OPEN', 'IN_PROGRESS'))""");
        }
        if (c.churn() != null) {
            company.add("""
                    exists (select 1 from churn_risk r
                            where r.company_id = c.id and r.score between :churnLowest and :churnHighest)""");
            params.put("churnLowest", c.churn().lowest());
            params.put("churnHighest", c.churn().highest());
        }
        if (c.orderedAtLeast() != null && c.orderedAtLeast().signum() > 0) {
            // the period's orders summed per client in one pass (at least 0: every client, no condition)
            company.add("""
                    c.id in (select o.company_id from customer_order o
                             where o.status <> 'CANCELLED' and o.ordered_on >= :orderedSince
                             group by o.company_id having sum(o.total) >= :orderedAtLeast)""");
            params.put("orderedSince", today.minusDays(c.orderedWithinDays() - 1L));
            params.put("orderedAtLeast", c.orderedAtLeast());
        }
        mainContact = c.completenessBelow() != null;
        if (mainContact) {
            company.add("(" + completenessScore() + ") < :completenessBelow");
            params.put("completenessBelow", c.completenessBelow());
            params.put("recentSince", Timestamp.from(now.minus(DataCompleteness.RECENT)));
        }
        if (c.consent() != null) {
            // a column chosen by an enum constant, never by text
            person.add("k.consent_" + c.consent().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (c.language() != null) {
            person.add("k.language = :language");
            params.put("language", c.language());
        }
        if (c.importantDateWithinDays() != null) {
            // the date's next occurrence (29 February falls on the 28th in other years), as ImportantDate says it
            person.add("""
                    exists (select 1 from contact_important_date d
                            cross join lateral (select extract(year from cast(:today as date))::int
                                                       - extract(year from d.the_date)::int years) y
                            where d.contact_id = k.id
                              and ((d.the_date + make_interval(years => y.years))::date between :today and :dateUntil
                                   or (d.the_date + make_interval(years => y.years + 1))::date
                                      between :today and :dateUntil))""");
            params.put("today", today);
            params.put("dateUntil", today.plusDays(c.importantDateWithinDays()));
        }
        boolean aggregates = c.nps() != null || params.containsKey("orderedAtLeast") || mainContact;
        computedOnce = aggregates || company.stream().filter(condition -> condition.contains("select")).count() > 1;
        clientsOnly = company.isEmpty() ? "true" : String.join("\n and ", company);
        somePerson = person.isEmpty() ? "true"
                : "exists (select 1 from contact k where k.company_id = c.id and " + String.join(" and ", person) + ")";
        if (!person.isEmpty()) {
            company.add(somePerson);
        }
    }

    /**
     * The completeness score of {@code DataCompleteness.of} in SQL, with the weights of {@link MissingItem} (one
     * table of weights for both): 100 minus the weight of each item missing.
     */
    private static String completenessScore() {
        Map<MissingItem, String> missing = new LinkedHashMap<>();
        missing.put(MissingItem.NO_CONTACT, "mc.has_email is null");
        missing.put(MissingItem.NO_MAIN_CONTACT_EMAIL, "not coalesce(mc.has_email, false)");
        missing.put(MissingItem.NO_MAIN_CONTACT_PHONE, "not coalesce(mc.has_phone, false)");
        missing.put(MissingItem.NO_PREFERRED_CHANNEL, "not coalesce(mc.has_channel, false)");
        missing.put(MissingItem.NO_SECTOR, "c.sector is null");
        missing.put(MissingItem.NO_CITY, "c.city is null");
        missing.put(MissingItem.NO_RECENT_INTERACTION, """
                c.created_at < :recentSince and not exists (select 1 from company_last_exchange r
                    where r.company_id = c.id and r.last_at >= :recentSince)""");
        missing.put(MissingItem.NO_LEGAL_ID, "c.legal_id is null");
        missing.put(MissingItem.NO_WEBSITE, "c.website is null");
        if (missing.size() != MissingItem.values().length) {
            throw new IllegalStateException("every missing item has its SQL");
        }
        StringBuilder sql = new StringBuilder("100");
        missing.forEach((item, condition) -> sql.append(" - case when ").append(condition).append(" then ")
                .append(item.weight()).append(" else 0 end"));
        return sql.toString();
    }

    /** The condition on {@code company c}. */
    String companies() {
        return company.isEmpty() ? "true" : String.join("\n and ", company);
    }

    /**
     * The condition on {@code company c} without "one of its people matches": for a statement joining {@code contact
     * k} on the company, where {@link #people()} says it (the same rows, without reading the people twice).
     */
    String companiesOfPeople() {
        return clientsOnly;
    }

    /**
     * "One of its people matches the criteria about people" on {@code company c}, true when there is none: with
     * {@link #companiesOfPeople()}, the same companies as {@link #companies()}.
     */
    String somePerson() {
        return somePerson;
    }

    /**
     * Whether a statement counting companies and people should compute the kept companies once (a materialized CTE)
     * rather than once per count: when a criterion adds up or scores rows for every client (NPS answers, orders,
     * completeness) or when several read other tables (the segment: 190 ms of CPU in two counts, 90 ms in
     * one, on the benchmark's data). A single cheap criterion is left to the planner in each count: a CTE forbids
     * parallel plans, and materializing 90 000 kept companies costs more than testing them twice.
     */
    boolean computedOnce() {
        return computedOnce;
    }

    /** The condition on {@code contact k} of a kept company (true when no criterion is about people). */
    String people() {
        return person.isEmpty() ? "true" : String.join("\n and ", person);
    }

    /** The join the conditions need ({@link #MAIN_CONTACT} for completeness), after {@code from company c}. */
    String joins() {
        return mainContact ? MAIN_CONTACT : "";
    }

    Map<String, Object> params() {
        return params;
    }

    /**
     * The ids of the kept companies as a statement of its own, for another list's statement: its parameters renamed
     * with {@code prefix} so that they cannot collide with that statement's.
     */
    CompanySubsets.CompanyIds companyIds(String prefix) {
        String sql = "select c.id from company c " + joins() + " where " + companies();
        Map<String, Object> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> param : params.entrySet()) {
            sql = sql.replaceAll(":" + param.getKey() + "\\b", ":" + prefix + param.getKey());
            renamed.put(prefix + param.getKey(), param.getValue());
        }
        return new CompanySubsets.CompanyIds(sql, renamed);
    }
}
