package org.relationcrm.quality.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.Civility;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.ImportantDate;
import org.relationcrm.quality.PersonField;
import org.relationcrm.quality.PersonMergeRecord;
import org.relationcrm.quality.PersonMergeStore;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;

/**
 * A merge of two people in SQL, a fixed number of statements whatever their histories, as {@link SqlMergeStore} does
 * for companies: each table's rows move in one UPDATE whose RETURNING feeds {@code contact_merge_row}; in the tables
 * that link a person to something (an interaction, a deal, a meeting), the loser's link is removed where the survivor
 * already has its twin (kept whole for the undo), so nothing is counted twice. The survivor's own row is the JPA
 * entity's (revised by the service); this class never writes it. Table names are the constants below, never input.
 */
@Repository
class SqlPersonMergeStore implements PersonMergeStore {

    /** Tables whose rows point at a person by {@code contact_id} and have a key of their own: they just move. */
    static final Map<String, String> MOVED_BY_KEY = Map.of("complaint", "id", "survey", "id",
            "customer_order", "id", "won_deal", "opportunity_id", "consent_history", "id");
    /**
     * Tables linking a person to a row of another table, keyed by (that row, contact_id): the link moves, or goes when
     * the survivor is linked already. Value: the column naming the row, and its table.
     */
    static final Map<String, List<String>> LINKS = Map.of(
            "interaction_contact", List.of("interaction_id", "interaction"),
            "opportunity_contact", List.of("opportunity_id", "opportunity"),
            "meeting_prep_contact", List.of("meeting_prep_id", "meeting_prep"));
    /** Tables handled apart: the dates are part of the person's details, the last exchange a read model. */
    static final List<String> HANDLED_APART = List.of("contact_important_date", "contact_last_exchange");
    /** Tables whose rows about the loser go with it (foreign key "on delete cascade"). */
    static final List<String> CASCADED = List.of("contact_duplicate", "contact_duplicate_dismissed");

    private final JdbcClient jdbc;

    SqlPersonMergeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's row as JSON, with its important dates in order under "important_dates". */
    private static String rowWithDates(String alias) {
        return "to_jsonb(" + alias + ") || jsonb_build_object('important_dates', (select coalesce(jsonb_agg(to_jsonb(d) "
                + "order by d.position), '[]'::jsonb) from contact_important_date d where d.contact_id = " + alias
                + ".id))";
    }

    @Override
    public long merge(long survivorId, long loserId, long loserVersion, Set<PersonField> fromLoser, long actorId,
                      Instant at) {
        MergeSql.lockBoth(jdbc, "contact", "Contact", survivorId, loserId, loserVersion);
        long mergeId = jdbc.sql("insert into contact_merge (survivor_id, loser_id, company_id, loser_name, loser_row, "
                        + "survivor_before, fields_from_loser, merged_by, merged_at) "
                        + "select :s, :l, s.company_id, concat_ws(' ', l.first_name, l.last_name), " + rowWithDates("l")
                        + ", " + rowWithDates("s") + ", :fields, :actor, :at "
                        + "from contact l, contact s where l.id = :l and s.id = :s returning id")
                .param("s", survivorId).param("l", loserId)
                .param("fields", fromLoser.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("actor", actorId).param("at", Timestamp.from(at))
                .query(Long.class).single();
        for (var link : LINKS.entrySet()) {
            String table = link.getKey();
            String key = link.getValue().getFirst();
            jdbc.sql("with twin as (delete from " + table + " t where t.contact_id = :l and exists (select 1 from "
                            + table + " o where o.contact_id = :s and o." + key + " = t." + key + ") returning t.*) "
                            + "insert into contact_merge_row (merge_id, table_name, old_row) "
                            + "select :m, '" + table + "', to_jsonb(twin) from twin")
                    .param("s", survivorId).param("l", loserId).param("m", mergeId).update();
            move(table, key, survivorId, loserId, mergeId);
        }
        for (var table : MOVED_BY_KEY.entrySet()) {
            move(table.getKey(), table.getValue(), survivorId, loserId, mergeId);
        }
        jdbc.sql("delete from contact_last_exchange where contact_id = :l").param("l", loserId).update();
        recomputeLastExchange(survivorId);
        jdbc.sql("delete from contact where id = :l").param("l", loserId).update();
        return mergeId;
    }

    private void move(String table, String key, long survivorId, long loserId, long mergeId) {
        jdbc.sql("with moved as (update " + table + " set contact_id = :s where contact_id = :l returning " + key
                        + " as key) insert into contact_merge_row (merge_id, table_name, row_id) "
                        + "select :m, '" + table + "', key from moved")
                .param("s", survivorId).param("l", loserId).param("m", mergeId).update();
    }

    /** A private customer's last exchange (V33, kept by a trigger on insert only), counted again. */
    private void recomputeLastExchange(long contactId) {
        jdbc.sql("""
                        insert into contact_last_exchange (contact_id, last_at)
                        select k.id, max(ic.occurred_at)
                          from contact k
                          join interaction_contact ic on ic.contact_id = k.id
                          join interaction i on i.id = ic.interaction_id and i.kind = 'EXCHANGE'
                         where k.id = :c and k.company_id is null
                         group by k.id
                        on conflict (contact_id) do update set last_at = excluded.last_at
                        """)
                .param("c", contactId).update();
    }

    @Override
    public void undo(long mergeId, long actorId, Instant at) {
        PersonMergeRecord merge = find(mergeId).orElseThrow(() -> new NotFoundException("PersonMerge", mergeId));
        long s = merge.survivorId();
        long l = merge.loserId();
        // the loser comes back in the survivor's company as it is now (it may have been merged since)
        jdbc.sql("select id from contact where id = :s for update").param("s", s).query(Long.class).single();
        String columns = MergeSql.writableColumns(jdbc, "contact");
        jdbc.sql("insert into contact (" + columns + ") select " + columns + " from jsonb_populate_record(null::contact, "
                        + "(select m.loser_row || jsonb_build_object('company_id', k.company_id) from contact_merge m, "
                        + "contact k where m.id = :m and k.id = :s))")
                .param("m", mergeId).param("s", s).update();
        jdbc.sql("""
                        insert into contact_important_date (contact_id, position, label, the_date)
                        select :l, (d ->> 'position')::int, d ->> 'label', (d ->> 'the_date')::date
                          from contact_merge m, jsonb_array_elements(m.loser_row -> 'important_dates') d
                         where m.id = :m
                        """)
                .param("l", l).param("m", mergeId).update();
        List<String> movedBack = new ArrayList<>(MOVED_BY_KEY.keySet());
        movedBack.addAll(LINKS.keySet());
        for (String table : movedBack) {
            String key = MOVED_BY_KEY.containsKey(table) ? MOVED_BY_KEY.get(table) : LINKS.get(table).getFirst();
            jdbc.sql("update " + table + " t set contact_id = :l from contact_merge_row r where r.merge_id = :m "
                            + "and r.table_name = '" + table + "' and r.row_id is not null and t." + key
                            + " = r.row_id and t.contact_id = :s")
                    .param("s", s).param("l", l).param("m", mergeId).update();
        }
        for (var link : LINKS.entrySet()) {
            String table = link.getKey();
            String key = link.getValue().getFirst();
            String parent = link.getValue().get(1);
            jdbc.sql("insert into " + table + " select p.* from contact_merge_row r, jsonb_populate_record(null::"
                            + table + ", r.old_row) p where r.merge_id = :m and r.table_name = '" + table
                            + "' and r.old_row is not null and exists (select 1 from " + parent + " x where x.id = p."
                            + key + ") on conflict do nothing")
                    .param("m", mergeId).update();
        }
        recomputeLastExchange(s);
        recomputeLastExchange(l);
        jdbc.sql("update contact_merge set undone_by = :actor, undone_at = :at where id = :m")
                .param("actor", actorId).param("at", Timestamp.from(at)).param("m", mergeId).update();
    }

    @Override
    public Optional<Long> survivorOf(long contactId) {
        return jdbc.sql("select survivor_id from contact_merge where loser_id = :id and undone_at is null")
                .param("id", contactId).query(Long.class).optional();
    }

    private static final List<String> DETAIL_KEYS = List.of("civility", "first_name", "last_name", "preferred_name",
            "job_title", "email", "phone", "mobile", "city", "preferred_channel", "language", "personal_notes",
            "preferences", "consent_email", "consent_phone", "consent_sms", "consent_letter");

    /** Each detail of the JSON row {@code column}, as a column named {@code prefix + key}; its dates as one text. */
    private static String detailColumns(String column, String prefix) {
        String fields = DETAIL_KEYS.stream().map(k -> "m." + column + " ->> '" + k + "' " + prefix + k)
                .collect(Collectors.joining(", "));
        return fields + ", (select string_agg((d ->> 'the_date') || chr(30) || (d ->> 'label'), chr(31) "
                + "order by (d ->> 'position')::int) from jsonb_array_elements(m." + column + " -> 'important_dates') d) "
                + prefix + "dates";
    }

    private static final String MERGE_COLUMNS = "select m.id, m.survivor_id, m.loser_id, m.company_id, m.loser_name, "
            + "m.fields_from_loser, m.merged_by, u.full_name merged_by_name, m.merged_at, m.undone_at, "
            + "(m.survivor_before ->> 'primary_contact')::boolean survivor_was_primary, "
            + detailColumns("loser_row", "l_") + ", " + detailColumns("survivor_before", "s_")
            + " from contact_merge m join app_user u on u.id = m.merged_by";

    @Override
    public Optional<PersonMergeRecord> find(long mergeId) {
        return jdbc.sql(MERGE_COLUMNS + " where m.id = :id").param("id", mergeId)
                .query((rs, n) -> toRecord(rs)).optional();
    }

    @Override
    public List<PersonMergeRecord> recent(Instant since, int limit) {
        return jdbc.sql(MERGE_COLUMNS + " where m.merged_at >= :since order by m.merged_at desc, m.id desc limit :limit")
                .param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> toRecord(rs)).list();
    }

    @Override
    public Map<String, Integer> movedRows(long mergeId) {
        return MergeSql.movedRows(jdbc, "contact", mergeId);
    }

    private static PersonMergeRecord toRecord(ResultSet rs) throws SQLException {
        Set<PersonField> fields = EnumSet.noneOf(PersonField.class);
        String codes = rs.getString("fields_from_loser");
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).map(PersonField::valueOf).forEach(fields::add);
        }
        Timestamp undone = rs.getTimestamp("undone_at");
        long company = rs.getLong("company_id");
        return new PersonMergeRecord(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("loser_id"),
                rs.wasNull() ? null : company, rs.getString("loser_name"), details(rs, "l_"), details(rs, "s_"),
                rs.getBoolean("survivor_was_primary"), fields, rs.getLong("merged_by"), rs.getString("merged_by_name"),
                rs.getTimestamp("merged_at").toInstant(), undone == null ? null : undone.toInstant());
    }

    private static ContactDetails details(ResultSet rs, String p) throws SQLException {
        String channel = rs.getString(p + "preferred_channel");
        List<ImportantDate> dates = new ArrayList<>();
        String packed = rs.getString(p + "dates");
        if (packed != null) {
            for (String date : packed.split("\u001f")) {
                String[] parts = date.split("\u001e", 2);
                dates.add(new ImportantDate(parts[1], LocalDate.parse(parts[0])));
            }
        }
        return new ContactDetails(Civility.valueOf(rs.getString(p + "civility")), rs.getString(p + "first_name"),
                rs.getString(p + "last_name"), rs.getString(p + "preferred_name"), rs.getString(p + "job_title"),
                rs.getString(p + "email"), rs.getString(p + "phone"), rs.getString(p + "mobile"),
                rs.getString(p + "city"), channel == null ? null : Channel.valueOf(channel),
                rs.getString(p + "language"), dates, rs.getString(p + "personal_notes"), rs.getString(p + "preferences"),
                new Consent(Boolean.parseBoolean(rs.getString(p + "consent_email")),
                        Boolean.parseBoolean(rs.getString(p + "consent_phone")),
                        Boolean.parseBoolean(rs.getString(p + "consent_sms")),
                        Boolean.parseBoolean(rs.getString(p + "consent_letter"))));
    }
}
