package org.relationcrm.quality.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.DuplicateReason;
import org.relationcrm.quality.PairCursor;
import org.relationcrm.shared.Slice;
import org.relationcrm.quality.PersonDuplicateReason;
import org.relationcrm.quality.PersonPair;
import org.relationcrm.quality.PersonPairs;

/**
 * The possible duplicate people in SQL. The refresh compares people only inside blocks of one company (private
 * customers form one "company"): the same email (case ignored), the same phone (phone or mobile, 9 digits or more), the
 * same first three letters of the folded name "last first" (then the same name, or a trigram similarity of at least
 * {@link DuplicateReason#PERSON_NAME_SIMILARITY}). Blocks of more than {@link SqlDuplicatePairs#MAX_BLOCK} people are
 * skipped, as for companies. Score: email 70, phone 40, same name 50, else a similar name up to 40 (similarity x 40),
 * at most 100, by the SQL function {@code quality_person_likeness} (V87), which the import's likely duplicates apply
 * too (with {@code quality_person_candidates}, these blocks for one person); the {@link SqlDuplicatePairs#MAX_PAIRS} strongest are kept, and listed strongest first, the newest
 * records first among equal scores (the duplicate typed last week is the one someone is about to work with). People of two companies are never paired:
 * they cannot be merged (a company merge brings them into one company first).
 */
@Repository
class SqlPersonPairs implements PersonPairs {

    private final JdbcClient jdbc;

    SqlPersonPairs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int refresh(Instant at) {
        jdbc.sql("delete from contact_duplicate").update();
        return jdbc.sql("""
                        with keyed as (
                            select id, company_id, sort_name, lower(email) email,
                                   case when length(relation_phone_digits(phone)) >= 9 then relation_phone_digits(phone) end phone,
                                   case when length(relation_phone_digits(mobile)) >= 9 then relation_phone_digits(mobile) end mobile
                              from contact),
                        phones as (
                            select id, company_id, phone number from keyed where phone is not null
                            union
                            select id, company_id, mobile from keyed where mobile is not null),
                        blocks as (
                            select array_agg(id) ids from keyed where email is not null
                             group by company_id, email having count(*) between 2 and :max
                            union all
                            select array_agg(distinct id) from phones
                             group by company_id, number having count(distinct id) between 2 and :max
                            union all
                            select array_agg(id) from keyed
                             group by company_id, left(sort_name, 3) having count(*) between 2 and :max
                            union all
                            select array_agg(id) from keyed
                             group by company_id, sort_name having count(*) between 2 and :max),
                        pairs as (
                            select distinct a.id first_id, b.id second_id
                              from blocks, unnest(ids) a(id), unnest(ids) b(id) where a.id < b.id)
                        insert into contact_duplicate (first_id, second_id, company_id, score, reasons, similarity, found_at)
                        select * from (
                            select p.first_id, p.second_id, a.company_id, l.score, l.reasons, l.similarity,
                                   cast(:at as timestamptz)
                              from pairs p
                              join contact a on a.id = p.first_id
                              join contact b on b.id = p.second_id
                             cross join lateral quality_person_likeness(a, b, :similarity) l
                             where a.company_id is not distinct from b.company_id
                               and not exists (select 1 from contact_duplicate_dismissed d
                                                where d.first_id = p.first_id and d.second_id = p.second_id)) found
                         order by score desc, first_id desc, second_id desc
                         limit :maxPairs
                        """)
                .param("max", SqlDuplicatePairs.MAX_BLOCK)
                .param("maxPairs", SqlDuplicatePairs.MAX_PAIRS)
                .param("similarity", DuplicateReason.PERSON_NAME_SIMILARITY)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Slice<PersonPair, PairCursor> page(PairCursor after, int limit) {
        List<PersonPair> rows = jdbc.sql("""
                        select d.first_id, concat_ws(' ', a.first_name, a.last_name) first_name,
                               coalesce(a.email, a.job_title) first_detail, d.second_id,
                               concat_ws(' ', b.first_name, b.last_name) second_name,
                               coalesce(b.email, b.job_title) second_detail, d.company_id, c.name company_name,
                               d.score, d.reasons
                          from contact_duplicate d
                          join contact a on a.id = d.first_id
                          join contact b on b.id = d.second_id
                          left join company c on c.id = d.company_id
                         where cast(:score as integer) is null
                            or d.score < cast(:score as integer)
                            or (d.score = cast(:score as integer) and (d.first_id, d.second_id) < (:first, :second))
                         order by d.score desc, d.first_id desc, d.second_id desc
                         limit :limit
                        """)
                .param("score", after == null ? null : after.score())
                .param("first", after == null ? 0L : after.firstId())
                .param("second", after == null ? 0L : after.secondId())
                .param("limit", limit + 1)
                .query((rs, n) -> {
                    Long company = rs.getObject("company_id", Long.class); // null: two private customers
                    return new PersonPair(rs.getLong("first_id"), rs.getString("first_name"),
                            rs.getString("first_detail"), rs.getLong("second_id"), rs.getString("second_name"),
                            rs.getString("second_detail"), company, rs.getString("company_name"),
                            rs.getInt("score"), Arrays.stream(rs.getString("reasons").split(","))
                            .map(PersonDuplicateReason::valueOf).toList());
                })
                .list();
        return MergeSql.page(rows, limit, PersonPair::cursor);
    }

    @Override
    public void dismiss(long oneId, long otherId, long actorId, Instant at) {
        MergeSql.dismiss(jdbc, "contact", oneId, otherId, actorId, at);
    }
}
