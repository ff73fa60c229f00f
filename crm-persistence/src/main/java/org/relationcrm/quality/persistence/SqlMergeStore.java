package org.relationcrm.quality.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.quality.MergeField;
import org.relationcrm.quality.MergeRecord;
import org.relationcrm.quality.MergeStore;
import org.relationcrm.shared.NotFoundException;

/**
 * A merge in SQL, a fixed number of statements whatever the size of the histories: each table's rows move in one
 * UPDATE whose RETURNING feeds {@code company_merge_row} (what the undo moves back), the per-company read models are
 * recomputed for both companies, and the loser's row is kept as JSON before it is deleted. Table names are the
 * constants below, never input.
 */
@Repository
class SqlMergeStore implements MergeStore {

    /** Tables whose rows point at a company by {@code company_id} and have a one-column key: they just move. */
    static final Map<String, String> MOVED_BY_ID = movedById();
    /**
     * Tables handled one by one below (a key holding company_id, a flag to adjust, a per-company read model), or by
     * triggers as the rows above move: each company's first exchange (V86) follows its interactions, merge and undo.
     */
    static final List<String> HANDLED_APART = List.of("contact", "customer_product_line", "company_last_exchange",
            "company_timeline_count", "company_first_exchange");
    /**
     * Tables whose rows about the loser are dropped with it (foreign key "on delete cascade"). The loser's status
     * history (V47) goes too: the KPIs' monthly rollups then stop counting the duplicate as a client of its own, and
     * an undo, inserting the company again, starts its history anew at its creation date (V47's trigger). The facts
     * of the main contact (V90) follow the people by triggers: the loser's row is gone once its people have moved,
     * and comes back when the undo moves them back.
     */
    static final List<String> CASCADED = List.of("company_duplicate", "company_duplicate_dismissed",
            "company_completeness", "company_status_change", "company_main_contact");

    private final JdbcClient jdbc;

    private static Map<String, String> movedById() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String table : List.of("interaction", "opportunity", "meeting_prep", "complaint", "survey",
                "customer_order", "request")) {
            keys.put(table, "id");
        }
        keys.put("won_deal", "opportunity_id");
        return java.util.Collections.unmodifiableMap(keys);
    }

    SqlMergeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long merge(long survivorId, long loserId, long loserVersion, Set<MergeField> fromLoser, long actorId,
                      Instant at) {
        MergeSql.lockBoth(jdbc, "company", "Company", survivorId, loserId, loserVersion);
        long mergeId = jdbc.sql("""
                        insert into company_merge (survivor_id, loser_id, loser_name, loser_row, survivor_before,
                                                   fields_from_loser, merged_by, merged_at)
                        select :s, :l, l.name, to_jsonb(l), to_jsonb(s), :fields, :actor, :at
                          from company l, company s where l.id = :l and s.id = :s
                        returning id
                        """)
                .param("s", survivorId).param("l", loserId)
                .param("fields", fromLoser.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("actor", actorId).param("at", Timestamp.from(at))
                .query(Long.class).single();
        // people: the loser's primary contact stays primary only if the survivor has none
        jdbc.sql("""
                        with old as (select id, primary_contact from contact where company_id = :l for update),
                             has_primary as (select exists (select 1 from contact where company_id = :s and primary_contact) p),
                             moved as (update contact c set company_id = :s,
                                              primary_contact = c.primary_contact and not (select p from has_primary)
                                         from old where c.id = old.id returning c.id)
                        insert into company_merge_row (merge_id, table_name, row_id, old_row)
                        select :m, 'contact', old.id, jsonb_build_object('primary_contact', old.primary_contact) from old
                        """)
                .param("s", survivorId).param("l", loserId).param("m", mergeId).update();
        for (var table : MOVED_BY_ID.entrySet()) {
            jdbc.sql("with moved as (update " + table.getKey() + " set company_id = :s where company_id = :l returning "
                            + table.getValue() + " as key) insert into company_merge_row (merge_id, table_name, row_id) "
                            + "select :m, '" + table.getKey() + "', key from moved")
                    .param("s", survivorId).param("l", loserId).param("m", mergeId).update();
        }
        // product lines held: a line both held stays once (the survivor's), the loser's row is kept for the undo
        jdbc.sql("""
                        with twin as (delete from customer_product_line l where l.company_id = :l
                                         and exists (select 1 from customer_product_line s
                                                      where s.company_id = :s and s.product_line_id = l.product_line_id)
                                      returning l.*)
                        insert into company_merge_row (merge_id, table_name, old_row)
                        select :m, 'customer_product_line', to_jsonb(twin) from twin
                        """)
                .param("s", survivorId).param("l", loserId).param("m", mergeId).update();
        jdbc.sql("""
                        with moved as (update customer_product_line set company_id = :s where company_id = :l
                                       returning product_line_id)
                        insert into company_merge_row (merge_id, table_name, row_id)
                        select :m, 'customer_product_line', product_line_id from moved
                        """)
                .param("s", survivorId).param("l", loserId).param("m", mergeId).update();
        jdbc.sql("delete from company_last_exchange where company_id = :l").param("l", loserId).update();
        jdbc.sql("delete from company_timeline_count where company_id = :l").param("l", loserId).update();
        recomputeReadModels(survivorId);
        jdbc.sql("delete from company where id = :l").param("l", loserId).update();
        return mergeId;
    }

    /** The per-company figures kept by triggers on insert only (V33, V36): counted again for a company that changed. */
    private void recomputeReadModels(long companyId) {
        jdbc.sql("""
                        insert into company_last_exchange (company_id, last_at)
                        select :c, max(occurred_at) from interaction where company_id = :c and kind = 'EXCHANGE'
                        having max(occurred_at) is not null
                        on conflict (company_id) do update set last_at = excluded.last_at
                        """)
                .param("c", companyId).update();
        jdbc.sql("""
                        delete from company_last_exchange
                         where company_id = :c
                           and not exists (select 1 from interaction where company_id = :c and kind = 'EXCHANGE')
                        """)
                .param("c", companyId).update();
        jdbc.sql("""
                        insert into company_timeline_count as t (company_id, entries)
                        select :c, count(*) from interaction where company_id = :c
                        on conflict (company_id) do update set entries = excluded.entries
                        """)
                .param("c", companyId).update();
    }

    @Override
    public void undo(long mergeId, long actorId, Instant at) {
        MergeRecord merge = find(mergeId).orElseThrow(() -> new NotFoundException("Merge", mergeId));
        long s = merge.survivorId();
        long l = merge.loserId();
        jdbc.sql("select id from company where id = :s for update").param("s", s).query(Long.class).single();
        jdbc.sql("insert into company (" + MergeSql.writableColumns(jdbc, "company") + ") select " + MergeSql.writableColumns(jdbc, "company")
                        + " from jsonb_populate_record(null::company, (select loser_row from company_merge where id = :m))")
                .param("m", mergeId).update();
        jdbc.sql("""
                        update contact c set company_id = :l, primary_contact = (r.old_row ->> 'primary_contact')::boolean
                          from company_merge_row r
                         where r.merge_id = :m and r.table_name = 'contact' and c.id = r.row_id and c.company_id = :s
                        """)
                .param("s", s).param("l", l).param("m", mergeId).update();
        for (var table : MOVED_BY_ID.entrySet()) {
            jdbc.sql("update " + table.getKey() + " t set company_id = :l from company_merge_row r "
                            + "where r.merge_id = :m and r.table_name = '" + table.getKey() + "' and t."
                            + table.getValue() + " = r.row_id and t.company_id = :s")
                    .param("s", s).param("l", l).param("m", mergeId).update();
        }
        jdbc.sql("""
                        update customer_product_line t set company_id = :l from company_merge_row r
                         where r.merge_id = :m and r.table_name = 'customer_product_line' and r.row_id is not null
                           and t.company_id = :s and t.product_line_id = r.row_id
                        """)
                .param("s", s).param("l", l).param("m", mergeId).update();
        jdbc.sql("insert into customer_product_line select p.* from company_merge_row r, "
                        + "jsonb_populate_record(null::customer_product_line, r.old_row) p "
                        + "where r.merge_id = :m and r.table_name = 'customer_product_line' and r.old_row is not null "
                        + "on conflict do nothing")
                .param("m", mergeId).update();
        recomputeReadModels(s);
        recomputeReadModels(l);
        jdbc.sql("update company_merge set undone_by = :actor, undone_at = :at where id = :m")
                .param("actor", actorId).param("at", Timestamp.from(at)).param("m", mergeId).update();
    }

    @Override
    public Optional<Long> survivorOf(long companyId) {
        return jdbc.sql("select survivor_id from company_merge where loser_id = :id and undone_at is null")
                .param("id", companyId).query(Long.class).optional();
    }

    private static final String MERGE_COLUMNS = """
            select m.id, m.survivor_id, m.loser_id, m.loser_name, m.fields_from_loser, m.merged_by,
                   u.full_name merged_by_name, m.merged_at, m.undone_at,
                   m.loser_row ->> 'name' l_name, m.loser_row ->> 'legal_id' l_legal_id, m.loser_row ->> 'sector' l_sector,
                   m.loser_row ->> 'size' l_size, m.loser_row ->> 'street' l_street,
                   m.loser_row ->> 'postal_code' l_postal_code, m.loser_row ->> 'city' l_city,
                   m.loser_row ->> 'country' l_country, m.loser_row ->> 'website' l_website, m.loser_row ->> 'phone' l_phone,
                   m.loser_row ->> 'status' l_status, (m.loser_row ->> 'owner_id')::bigint l_owner_id,
                   m.loser_row ->> 'notes' l_notes,
                   m.survivor_before ->> 'name' s_name, m.survivor_before ->> 'legal_id' s_legal_id,
                   m.survivor_before ->> 'sector' s_sector, m.survivor_before ->> 'size' s_size,
                   m.survivor_before ->> 'street' s_street, m.survivor_before ->> 'postal_code' s_postal_code,
                   m.survivor_before ->> 'city' s_city, m.survivor_before ->> 'country' s_country,
                   m.survivor_before ->> 'website' s_website, m.survivor_before ->> 'phone' s_phone,
                   m.survivor_before ->> 'status' s_status, (m.survivor_before ->> 'owner_id')::bigint s_owner_id,
                   m.survivor_before ->> 'notes' s_notes
              from company_merge m
              join app_user u on u.id = m.merged_by
            """;

    @Override
    public Optional<MergeRecord> find(long mergeId) {
        return jdbc.sql(MERGE_COLUMNS + " where m.id = :id").param("id", mergeId)
                .query((rs, n) -> toRecord(rs)).optional();
    }

    @Override
    public List<MergeRecord> recent(Instant since, int limit) {
        return jdbc.sql(MERGE_COLUMNS + " where m.merged_at >= :since order by m.merged_at desc, m.id desc limit :limit")
                .param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> toRecord(rs)).list();
    }

    @Override
    public Map<String, Integer> movedRows(long mergeId) {
        return MergeSql.movedRows(jdbc, "company", mergeId);
    }

    private static MergeRecord toRecord(ResultSet rs) throws SQLException {
        Set<MergeField> fields = EnumSet.noneOf(MergeField.class);
        String codes = rs.getString("fields_from_loser");
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).map(MergeField::valueOf).forEach(fields::add);
        }
        Timestamp undone = rs.getTimestamp("undone_at");
        return new MergeRecord(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("loser_id"),
                rs.getString("loser_name"), details(rs, "l_"), details(rs, "s_"), fields, rs.getLong("merged_by"),
                rs.getString("merged_by_name"), rs.getTimestamp("merged_at").toInstant(),
                undone == null ? null : undone.toInstant());
    }

    private static CompanyDetails details(ResultSet rs, String p) throws SQLException {
        String size = rs.getString(p + "size");
        return new CompanyDetails(rs.getString(p + "name"), rs.getString(p + "legal_id"), rs.getString(p + "sector"),
                size == null ? null : CompanySize.valueOf(size), rs.getString(p + "street"),
                rs.getString(p + "postal_code"), rs.getString(p + "city"), rs.getString(p + "country"),
                rs.getString(p + "website"), rs.getString(p + "phone"), CompanyStatus.valueOf(rs.getString(p + "status")),
                rs.getLong(p + "owner_id"), rs.getString(p + "notes"));
    }
}
