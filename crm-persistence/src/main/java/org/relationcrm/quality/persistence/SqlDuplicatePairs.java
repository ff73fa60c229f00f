package org.relationcrm.quality.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.DuplicateReason;
import org.relationcrm.quality.DuplicatePair;
import org.relationcrm.quality.DuplicatePairs;
import org.relationcrm.quality.PairCursor;
import org.relationcrm.shared.Slice;

/**
 * The duplicates list in SQL. The refresh compares companies only inside blocks: the same SIREN, the same phone
 * (9 digits or more), the same city and the same first three letters of the name (then the trigram similarity
 * {@link DuplicateReason#COMPANY_NAME_SIMILARITY} at least). Blocks of more than {@link #MAX_BLOCK} companies (a switchboard number shared by a group, "Paris" +
 * "sar") are skipped: pairs there would be noise. Score: SIREN 70, phone 40, name up to 40 (similarity x 40), at
 * most 100; the {@link #MAX_PAIRS} strongest are kept. The page reads the table by keyset on (score desc, first,
 * second). Measured on 100 000 synthetic companies (docs/benchmarks.md): about 20 s, run at night.
 */
@Repository
class SqlDuplicatePairs implements DuplicatePairs {

    static final int MAX_BLOCK = 50;
    /** The list keeps the strongest pairs only: beyond this, nobody reads it, and the job stays bounded. */
    static final int MAX_PAIRS = 10_000;

    private final JdbcClient jdbc;

    SqlDuplicatePairs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int refresh(Instant at) {
        jdbc.sql("delete from company_duplicate").update();
        return jdbc.sql("""
                        with keyed as (
                            select id, siren, sort_name,
                                   case when length(relation_phone_digits(phone)) >= 9 then relation_phone_digits(phone) end phone,
                                   case when city is not null then relation_fold(city) || '|' || left(sort_name, 3) end name_block
                              from company),
                        blocks as (
                            select 'S' kind, siren block, array_agg(id) ids from keyed where siren is not null
                             group by siren having count(*) between 2 and :max
                            union all
                            select 'P', phone, array_agg(id) from keyed where phone is not null
                             group by phone having count(*) between 2 and :max
                            union all
                            select 'N', name_block, array_agg(id) from keyed where name_block is not null
                             group by name_block having count(*) between 2 and :max),
                        pairs as (
                            select distinct a.id first_id, b.id second_id
                              from blocks, unnest(ids) a(id), unnest(ids) b(id) where a.id < b.id),
                        scored as (
                            select p.first_id, p.second_id, a.siren = b.siren same_siren,
                                   coalesce(ka.phone = kb.phone, false) same_phone,
                                   similarity(a.sort_name, b.sort_name) sim,
                                   coalesce(relation_fold(a.city) = relation_fold(b.city), false) same_city
                              from pairs p
                              join company a on a.id = p.first_id
                              join company b on b.id = p.second_id
                              join keyed ka on ka.id = a.id
                              join keyed kb on kb.id = b.id
                             where not exists (select 1 from company_duplicate_dismissed d
                                                where d.first_id = p.first_id and d.second_id = p.second_id))
                        insert into company_duplicate (first_id, second_id, score, reasons, similarity, found_at)
                        select * from (
                            select first_id, second_id,
                                   least(100, case when coalesce(same_siren, false) then 70 else 0 end
                                              + case when same_phone then 40 else 0 end
                                              + case when same_city and sim >= :similarity then round(sim * 40)::int else 0 end)
                                       score,
                                   concat_ws(',', case when coalesce(same_siren, false) then 'SIREN' end,
                                             case when same_phone then 'PHONE' end,
                                             case when same_city and sim >= :similarity then 'NAME_CITY' end),
                                   round(sim::numeric, 3), cast(:at as timestamptz)
                              from scored
                             where coalesce(same_siren, false) or same_phone or (same_city and sim >= :similarity)) found
                         order by score desc, first_id, second_id
                         limit :maxPairs
                        """)
                .param("max", MAX_BLOCK)
                .param("maxPairs", MAX_PAIRS)
                .param("similarity", DuplicateReason.COMPANY_NAME_SIMILARITY)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Slice<DuplicatePair, PairCursor> page(PairCursor after, int limit) {
        List<DuplicatePair> rows = jdbc.sql("""
                        select d.first_id, a.name first_name, a.city first_city, d.second_id, b.name second_name,
                               b.city second_city, d.score, d.reasons
                          from company_duplicate d
                          join company a on a.id = d.first_id
                          join company b on b.id = d.second_id
                         where cast(:score as integer) is null
                            or d.score < cast(:score as integer)
                            or (d.score = cast(:score as integer) and (d.first_id, d.second_id) > (:first, :second))
                         order by d.score desc, d.first_id, d.second_id
                         limit :limit
                        """)
                .param("score", after == null ? null : after.score())
                .param("first", after == null ? 0L : after.firstId())
                .param("second", after == null ? 0L : after.secondId())
                .param("limit", limit + 1)
                .query((rs, n) -> new DuplicatePair(rs.getLong("first_id"), rs.getString("first_name"),
                        rs.getString("first_city"), rs.getLong("second_id"), rs.getString("second_name"),
                        rs.getString("second_city"), rs.getInt("score"),
                        Arrays.stream(rs.getString("reasons").split(",")).map(DuplicateReason::valueOf).toList()))
                .list();
        return MergeSql.page(rows, limit, DuplicatePair::cursor);
    }

    @Override
    public void dismiss(long oneId, long otherId, long actorId, Instant at) {
        MergeSql.dismiss(jdbc, "company", oneId, otherId, actorId, at);
    }
}
