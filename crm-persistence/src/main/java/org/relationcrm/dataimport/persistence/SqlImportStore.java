package org.relationcrm.dataimport.persistence;

import java.nio.charset.Charset;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.DuplicateReason;
import org.relationcrm.dataimport.ColumnMapping;
import org.relationcrm.dataimport.CsvLayout;
import org.relationcrm.dataimport.DuplicateHit;
import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportKind;
import org.relationcrm.dataimport.ImportRows.CompanyRow;
import org.relationcrm.dataimport.ImportRows.InteractionRow;
import org.relationcrm.dataimport.ImportRows.PersonRow;
import org.relationcrm.dataimport.ImportRows.UserRef;
import org.relationcrm.dataimport.ImportState;
import org.relationcrm.dataimport.ImportStore;
import org.relationcrm.dataimport.ImportTemplate;
import org.relationcrm.dataimport.RowError;
import org.relationcrm.shared.Department;

/**
 * Imports in SQL. A batch is one statement per kind: the rows travel as arrays ({@code unnest}), each finds its
 * record by external id, then SIREN (companies) or email (people), and the statement updates those found and
 * inserts the others (data-modifying CTEs); the statement-level triggers of the tables (timeline counts, last
 * exchanges, KPI rollups) run once per batch. A blank cell never erases a value already there.
 */
@Repository
class SqlImportStore implements ImportStore {

    private static final String ARG_SEPARATOR = "\u001F";
    /** A company reference that is a SIREN or a SIRET (spaces allowed). */
    private static final String SIREN_LIKE = "'^[0-9 ]{9,17}$'";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SqlImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public long create(long ownerId, ImportKind kind, String fileName, String fileRef, CsvLayout layout,
                       List<String> headers, long totalRows, ColumnMapping mapping, Instant at) {
        return jdbc.sql("""
                        insert into import_job (owner_id, kind, file_name, file_ref, charset, byte_order_mark, delimiter,
                                                headers, total_rows, mapping, state, created_at)
                        values (:owner, :kind, :fileName, :fileRef, :charset, :bom, :delimiter, :headers, :total,
                                :mapping, 'UPLOADED', :at)
                        returning id
                        """)
                .param("owner", ownerId).param("kind", kind.name()).param("fileName", fileName)
                .param("fileRef", fileRef).param("charset", layout.charset().name())
                .param("bom", layout.byteOrderMark()).param("delimiter", String.valueOf(layout.delimiter()))
                .param("headers", headers.toArray(String[]::new)).param("total", totalRows)
                .param("mapping", mapping.encode()).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    private static final String JOB_COLUMNS = """
            id, owner_id, kind, file_name, file_ref, charset, byte_order_mark, delimiter, headers, total_rows, mapping,
            state, rows_done, rows_rejected, rows_created, rows_updated, likely_duplicates, created_at, started_at,
            finished_at, version
            """;

    private static ImportJob job(ResultSet rs) throws SQLException {
        return new ImportJob(rs.getLong("id"), rs.getLong("owner_id"), ImportKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("file_ref"),
                new CsvLayout(Charset.forName(rs.getString("charset")), rs.getBoolean("byte_order_mark"),
                        rs.getString("delimiter").charAt(0)),
                texts(rs.getArray("headers")), rs.getLong("total_rows"), ColumnMapping.decode(rs.getString("mapping")),
                ImportState.valueOf(rs.getString("state")), rs.getLong("rows_done"), rs.getLong("rows_rejected"),
                rs.getLong("rows_created"), rs.getLong("rows_updated"), rs.getLong("likely_duplicates"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getLong("version"));
    }

    @Override
    public Optional<ImportJob> find(long id) {
        return jdbc.sql("select " + JOB_COLUMNS + " from import_job where id = :id").param("id", id)
                .query((rs, n) -> job(rs)).optional();
    }

    @Override
    public List<ImportJob> ofOwner(long ownerId, int limit) {
        return jdbc.sql("select " + JOB_COLUMNS + " from import_job where owner_id = :owner order by id desc limit :limit")
                .param("owner", ownerId).param("limit", limit).query((rs, n) -> job(rs)).list();
    }

    @Override
    public boolean map(long id, ColumnMapping mapping) {
        return jdbc.sql("update import_job set mapping = :mapping, version = version + 1 where id = :id and state = 'UPLOADED'")
                .param("mapping", mapping.encode()).param("id", id).update() == 1;
    }

    @Override
    public boolean queue(long id) {
        return jdbc.sql("""
                        update import_job set state = 'QUEUED', rows_done = 0, rows_rejected = 0, rows_created = 0,
                               rows_updated = 0, likely_duplicates = 0, version = version + 1
                         where id = :id and state = 'UPLOADED'
                        """).param("id", id).update() == 1;
    }

    @Override
    public void start(long id, Instant at) {
        jdbc.sql("update import_job set state = 'RUNNING', started_at = :at, version = version + 1 where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    @Override
    public void progress(long id, long done, long rejected, long created, long updated, long duplicates) {
        jdbc.sql("""
                        update import_job set rows_done = :done, rows_rejected = :rejected, rows_created = :created,
                               rows_updated = :updated, likely_duplicates = :duplicates where id = :id
                        """)
                .param("id", id).param("done", done).param("rejected", rejected).param("created", created)
                .param("updated", updated).param("duplicates", duplicates).update();
    }

    @Override
    public void finish(long id, ImportState state, Instant at) {
        jdbc.sql("update import_job set state = :state, finished_at = :at, version = version + 1 where id = :id")
                .param("id", id).param("state", state.name()).param("at", Timestamp.from(at)).update();
    }

    @Override
    public List<Long> interruptActive(Instant at) {
        return jdbc.sql("""
                        update import_job set state = 'INTERRUPTED', finished_at = :at, version = version + 1
                         where state in ('QUEUED', 'RUNNING') returning id
                        """).param("at", Timestamp.from(at)).query(Long.class).list();
    }

    @Override
    public void reject(long jobId, List<Rejected> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                        insert into import_rejected_row (job_id, line, cells, columns, codes, args)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing
                        """, rows, 500, (ps, row) -> {
                    ps.setLong(1, jobId);
                    ps.setLong(2, row.line());
                    ps.setArray(3, ps.getConnection().createArrayOf("text",
                            row.cells().stream().map(SqlImportStore::clean).toArray()));
                    ps.setArray(4, ps.getConnection().createArrayOf("text",
                            row.errors().stream().map(RowError::column).map(SqlImportStore::clean).toArray()));
                    ps.setArray(5, ps.getConnection().createArrayOf("text",
                            row.errors().stream().map(RowError::code).toArray()));
                    ps.setArray(6, ps.getConnection().createArrayOf("text", row.errors().stream()
                            .map(e -> String.join(ARG_SEPARATOR, e.args().stream().map(a -> clean(String.valueOf(a)))
                                    .toList()))
                            .toArray()));
                });
    }

    private Rejected rejectedRow(ResultSet rs) throws SQLException {
        long line = rs.getLong("line");
        List<String> columns = texts(rs.getArray("columns"));
        List<String> codes = texts(rs.getArray("codes"));
        List<String> args = texts(rs.getArray("args"));
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            List<Object> values = new ArrayList<>();
            if (args.get(i) != null && !args.get(i).isEmpty()) {
                for (String a : args.get(i).split(ARG_SEPARATOR, -1)) {
                    values.add(a.matches("-?\\d{1,18}") ? (Object) Long.valueOf(a) : a);
                }
            }
            errors.add(new RowError(line, columns.get(i), codes.get(i), values));
        }
        return new Rejected(line, texts(rs.getArray("cells")), errors);
    }

    @Override
    public void rejected(long jobId, Consumer<Rejected> each) {
        template.query(con -> {
            var ps = con.prepareStatement(
                    "select line, cells, columns, codes, args from import_rejected_row where job_id = ? order by line");
            ps.setLong(1, jobId);
            ps.setFetchSize(500);
            return ps;
        }, rs -> {
            each.accept(rejectedRow(rs));
        });
    }

    @Override
    public List<Rejected> firstRejected(long jobId, int limit) {
        return jdbc.sql("""
                        select line, cells, columns, codes, args from import_rejected_row where job_id = :job
                         order by line limit :limit
                        """).param("job", jobId).param("limit", limit).query((rs, n) -> rejectedRow(rs)).list();
    }

    @Override
    public void duplicates(long jobId, List<DuplicateHit> hits) {
        if (hits.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                        insert into import_duplicate (job_id, line, company_id, other_id, reason)
                        values (?, ?, ?, ?, ?) on conflict do nothing
                        """, hits, 500, (ps, hit) -> {
                    ps.setLong(1, jobId);
                    ps.setLong(2, hit.line());
                    ps.setLong(3, hit.companyId());
                    ps.setLong(4, hit.otherId());
                    ps.setString(5, hit.reason());
                });
    }

    @Override
    public List<DuplicateHit> duplicatesOf(long jobId, int limit) {
        return jdbc.sql("""
                        select d.line, d.company_id, c.name, d.other_id, o.name other_name, d.reason
                          from import_duplicate d
                          join company c on c.id = d.company_id
                          join company o on o.id = d.other_id
                         where d.job_id = :job order by d.line, d.other_id limit :limit
                        """).param("job", jobId).param("limit", limit)
                .query((rs, n) -> new DuplicateHit(rs.getLong("line"), rs.getLong("company_id"), rs.getString("name"),
                        rs.getLong("other_id"), rs.getString("other_name"), rs.getString("reason")))
                .list();
    }

    @Override
    public List<UserRef> users() {
        return jdbc.sql("select id, username, email, department from app_user order by id")
                .query((rs, n) -> new UserRef(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                        Department.valueOf(rs.getString("department"))))
                .list();
    }

    @Override
    public void analyze(ImportKind kind) {
        String tables = switch (kind) {
            case COMPANIES -> "company, company_status_change";
            case PEOPLE -> "contact";
            case INTERACTIONS -> "interaction, interaction_contact";
        };
        jdbc.sql("analyze " + tables).update();
    }

    @Override
    public Outcome writeCompanies(List<CompanyRow> rows, long importerId, Instant at) {
        List<Object[]> result = jdbc.sql("""
                        with input as (
                            select * from unnest(cast(:ext as text[]), cast(:name as text[]), cast(:legal as text[]),
                                                 cast(:sector as text[]), cast(:size as text[]), cast(:street as text[]),
                                                 cast(:pc as text[]), cast(:city as text[]), cast(:country as text[]),
                                                 cast(:website as text[]), cast(:phone as text[]),
                                                 cast(:status as text[]), cast(:notes as text[]),
                                                 cast(:owner as bigint[]), cast(:line as bigint[]))
                                   as t(ext, name, legal, sector, size, street, pc, city, country, website, phone,
                                        status, notes, owner, line)),
                        matched as (
                            select i.*, coalesce(
                                       (select c.id from company c where c.external_id = i.ext),
                                       (select c.id from company c
                                         where c.siren = left(i.legal, 9) and not c.siren_legacy_duplicate)) id
                              from input i),
                        numbered as (
                            select m.*, case when m.id is null then nextval(pg_get_serial_sequence('company', 'id')) end new_id
                              from matched m),
                        updated as (
                            update company c
                               set external_id = coalesce(c.external_id, m.ext), name = m.name,
                                   legal_id = coalesce(m.legal, c.legal_id), sector = coalesce(m.sector, c.sector),
                                   size = coalesce(m.size, c.size), street = coalesce(m.street, c.street),
                                   postal_code = coalesce(m.pc, c.postal_code), city = coalesce(m.city, c.city),
                                   country = coalesce(m.country, c.country), website = coalesce(m.website, c.website),
                                   phone = coalesce(m.phone, c.phone), status = coalesce(m.status, c.status),
                                   owner_id = coalesce(m.owner, c.owner_id), notes = coalesce(m.notes, c.notes),
                                   version = c.version + 1
                              from numbered m where c.id = m.id
                            returning c.id),
                        inserted as (
                            insert into company (id, external_id, name, legal_id, sector, size, street, postal_code,
                                                 city, country, website, phone, status, owner_id, notes, created_at)
                            select new_id, ext, name, legal, sector, size, street, pc, city, country, website, phone,
                                   coalesce(status, 'PROSPECT'), coalesce(owner, :importer), notes, :at
                              from numbered where id is null
                            returning id)
                        select 'U', count(*), null::bigint from updated
                        union all select 'I', count(*), null from inserted
                        union all select 'N', new_id, line from numbered where new_id is not null
                        """)
                .param("ext", col(rows, CompanyRow::externalId)).param("name", col(rows, CompanyRow::name))
                .param("legal", col(rows, CompanyRow::legalId)).param("sector", col(rows, CompanyRow::sector))
                .param("size", col(rows, r -> r.size() == null ? null : r.size().name()))
                .param("street", col(rows, CompanyRow::street)).param("pc", col(rows, CompanyRow::postalCode))
                .param("city", col(rows, CompanyRow::city)).param("country", col(rows, CompanyRow::country))
                .param("website", col(rows, CompanyRow::website)).param("phone", col(rows, CompanyRow::phone))
                .param("status", col(rows, r -> r.status() == null ? null : r.status().name()))
                .param("notes", col(rows, CompanyRow::notes))
                .param("owner", rows.stream().map(CompanyRow::ownerId).toArray(Long[]::new))
                .param("line", rows.stream().map(CompanyRow::line).toArray(Long[]::new))
                .param("importer", importerId).param("at", Timestamp.from(at))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getObject(3)}).list();
        int updated = 0;
        int created = 0;
        List<Long> newIds = new ArrayList<>();
        List<Long> newLines = new ArrayList<>();
        for (Object[] r : result) {
            switch ((String) r[0]) {
                case "U" -> updated = ((Long) r[1]).intValue();
                case "I" -> created = ((Long) r[1]).intValue();
                default -> {
                    newIds.add((Long) r[1]);
                    newLines.add(((Number) r[2]).longValue());
                }
            }
        }
        return new Outcome(created, updated, List.of(), likelyDuplicates(newIds, newLines));
    }

    /**
     * Blocks of more companies than this (a switchboard number shared by a group, "Paris" + "sar") are not searched:
     * pairs there would be noise. The data-quality refresh's own bound (SqlDuplicatePairs.MAX_BLOCK).
     */
    static final int MAX_BLOCK = 50;

    /**
     * The data-quality rules' likely duplicates of new companies: another one with the same phone (9 digits or
     * more), or in the same city with the same first three letters and a similar name (trigram similarity at least
     * {@link DuplicateReason#COMPANY_NAME_SIMILARITY}); each through its index, the first other company found, in
     * blocks of at most {@link #MAX_BLOCK} companies like the data-quality refresh.
     */
    private List<DuplicateHit> likelyDuplicates(List<Long> ids, List<Long> lines) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select x.line, c.id, c.name, o.id other_id, o.name other_name, o.reason
                          from unnest(cast(:ids as bigint[]), cast(:lines as bigint[])) x(id, line)
                          join company c on c.id = x.id
                          cross join lateral (
                              (select o.id, o.name, 'PHONE' reason from company o
                                where c.phone is not null and length(relation_phone_digits(c.phone)) >= 9
                                  and relation_phone_digits(o.phone) = relation_phone_digits(c.phone)
                                  and o.phone is not null and o.id <> c.id
                                  and (select count(*) from (select 1 from company b
                                                              where relation_phone_digits(b.phone) = relation_phone_digits(c.phone)
                                                                and b.phone is not null limit :max + 1) block) <= :max
                                limit 1)
                              union all
                              (select o.id, o.name, 'NAME_CITY' from company o
                                where c.city is not null and o.city is not null
                                  and relation_fold(o.city) = relation_fold(c.city)
                                  and left(o.sort_name, 3) = left(c.sort_name, 3) and o.id <> c.id
                                  and (select count(*) from (select 1 from company b
                                                              where b.city is not null
                                                                and relation_fold(b.city) = relation_fold(c.city)
                                                                and left(b.sort_name, 3) = left(c.sort_name, 3)
                                                              limit :max + 1) block) <= :max
                                  and similarity(o.sort_name, c.sort_name) >= :similarity
                                limit 1)) o
                        """)
                .param("ids", ids.toArray(Long[]::new)).param("lines", lines.toArray(Long[]::new))
                .param("similarity", DuplicateReason.COMPANY_NAME_SIMILARITY).param("max", MAX_BLOCK)
                .query((rs, n) -> new DuplicateHit(rs.getLong("line"), rs.getLong("id"), rs.getString("name"),
                        rs.getLong("other_id"), rs.getString("other_name"), rs.getString("reason")))
                .list();
    }

    private static final String COMPANY_BY_REF = """
            coalesce((select c.id from company c where c.external_id = %1$s),
                     (select c.id from company c
                       where %1$s ~ %2$s and c.siren = left(replace(%1$s, ' ', ''), 9)
                         and not c.siren_legacy_duplicate))
            """;

    @Override
    public Outcome writePeople(List<PersonRow> rows, Instant at) {
        List<Object[]> result = jdbc.sql("""
                        with input as (
                            select * from unnest(cast(:ext as text[]), cast(:cref as text[]), cast(:civ as text[]),
                                                 cast(:first as text[]), cast(:last as text[]), cast(:job as text[]),
                                                 cast(:email as text[]), cast(:phone as text[]), cast(:mobile as text[]),
                                                 cast(:city as text[]), cast(:lang as text[]), cast(:line as bigint[]))
                                   as t(ext, cref, civ, first, last, job, email, phone, mobile, city, lang, line)),
                        resolved as (
                            select i.*, %s company_id,
                                   coalesce((select p.id from contact p where p.external_id = i.ext),
                                            (select min(p.id) from contact p
                                              where i.email is not null and lower(p.email) collate "C" = i.email)) id
                              from input i),
                        ok as (select * from resolved where cref is null or company_id is not null),
                        updated as (
                            update contact p
                               set external_id = coalesce(p.external_id, o.ext),
                                   company_id = coalesce(o.company_id, p.company_id),
                                   civility = coalesce(o.civ, p.civility), first_name = coalesce(o.first, p.first_name),
                                   last_name = o.last, job_title = coalesce(o.job, p.job_title),
                                   email = coalesce(o.email, p.email), phone = coalesce(o.phone, p.phone),
                                   mobile = coalesce(o.mobile, p.mobile), city = coalesce(o.city, p.city),
                                   language = coalesce(o.lang, p.language), version = p.version + 1
                              from ok o where p.id = o.id
                            returning p.id),
                        inserted as (
                            insert into contact (external_id, company_id, primary_contact, civility, first_name,
                                                 last_name, job_title, email, phone, mobile, city, language, created_at)
                            select ext, company_id,
                                   company_id is not null
                                       and row_number() over (partition by company_id order by line) = 1
                                       and not exists (select 1 from contact p
                                                        where p.company_id = o.company_id and p.primary_contact),
                                   coalesce(civ, 'NONE'), first, last, job, email, phone, mobile, city, lang, :at
                              from ok o where id is null
                            returning id)
                        select 'U', count(*) from updated
                        union all select 'I', count(*) from inserted
                        union all select 'R', line from resolved where cref is not null and company_id is null
                        """.formatted(COMPANY_BY_REF.formatted("i.cref", SIREN_LIKE)))
                .param("ext", col(rows, PersonRow::externalId)).param("cref", col(rows, PersonRow::companyRef))
                .param("civ", col(rows, r -> r.civility() == null ? null : r.civility().name()))
                .param("first", col(rows, PersonRow::firstName)).param("last", col(rows, PersonRow::lastName))
                .param("job", col(rows, PersonRow::jobTitle)).param("email", col(rows, PersonRow::email))
                .param("phone", col(rows, PersonRow::phone)).param("mobile", col(rows, PersonRow::mobile))
                .param("city", col(rows, PersonRow::city)).param("lang", col(rows, PersonRow::language))
                .param("line", rows.stream().map(PersonRow::line).toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        return outcome(result, line -> {
            PersonRow row = rows.stream().filter(r -> r.line() == line).findFirst().orElseThrow();
            return new RowError(line, null, "import.error.companyNotFound", List.of(row.companyRef()));
        });
    }

    @Override
    public Outcome writeInteractions(List<InteractionRow> rows, Instant at) {
        List<Object[]> result = jdbc.sql("""
                        with input as (
                            select * from unnest(cast(:at as timestamptz[]), cast(:author as bigint[]),
                                                 cast(:dept as text[]), cast(:channel as text[]),
                                                 cast(:direction as text[]), cast(:cref as text[]),
                                                 cast(:email as text[]), cast(:subject as text[]),
                                                 cast(:summary as text[]), cast(:line as bigint[]))
                                   as t(occurred_at, author, dept, channel, direction, cref, email, subject, summary,
                                        line)),
                        resolved as (
                            select i.*, case when i.cref is not null then %s end company_ref_id,
                                   (select min(p.id) from contact p
                                     where i.email is not null and lower(p.email) collate "C" = i.email) contact_id
                              from input i),
                        checked as (
                            select r.*, coalesce(r.company_ref_id,
                                                 (select p.company_id from contact p where p.id = r.contact_id)) company_id
                              from resolved r
                             where (r.cref is null or r.company_ref_id is not null)
                               and (r.email is null or r.contact_id is not null)),
                        fresh as (
                            select c.*, nextval(pg_get_serial_sequence('interaction', 'id')) new_id
                              from checked c
                             where not exists (select 1 from interaction x
                                                where c.company_id is not null and x.company_id = c.company_id
                                                  and x.channel = c.channel and x.occurred_at = c.occurred_at
                                                  and x.subject = c.subject)
                               and not exists (select 1 from interaction_contact ic
                                                 join interaction x on x.id = ic.interaction_id
                                                where c.company_id is null and ic.contact_id = c.contact_id
                                                  and ic.occurred_at = c.occurred_at and x.subject = c.subject)),
                        inserted as (
                            insert into interaction (id, company_id, channel, direction, occurred_at, author_id,
                                                     author_department, subject, summary, logged_at, kind)
                            select new_id, company_id, channel, direction, occurred_at, author, dept, subject, summary,
                                   :loggedAt, 'EXCHANGE'
                              from fresh
                            returning id),
                        people as (
                            insert into interaction_contact (interaction_id, contact_id, occurred_at)
                            select new_id, contact_id, occurred_at from fresh where contact_id is not null
                            returning interaction_id)
                        select 'I', count(*) from inserted
                        union all select 'U', (select count(*) from checked) - (select count(*) from fresh)
                        union all select 'R', line from resolved where cref is not null and company_ref_id is null
                        union all select 'P', line from resolved
                                   where email is not null and contact_id is null
                                     and not (cref is not null and company_ref_id is null)
                        """.formatted(COMPANY_BY_REF.formatted("i.cref", SIREN_LIKE)))
                // instants as ISO text with their offset: an array of timestamps would be read in the session's time zone
                .param("at", rows.stream().map(r -> r.occurredAt().toString()).toArray(String[]::new))
                .param("author", rows.stream().map(InteractionRow::authorId).toArray(Long[]::new))
                .param("dept", col(rows, r -> r.authorDepartment().name()))
                .param("channel", col(rows, r -> r.channel().name()))
                .param("direction", col(rows, r -> r.direction().name()))
                .param("cref", col(rows, InteractionRow::companyRef)).param("email", col(rows, InteractionRow::personEmail))
                .param("subject", col(rows, InteractionRow::subject)).param("summary", col(rows, InteractionRow::summary))
                .param("line", rows.stream().map(InteractionRow::line).toArray(Long[]::new))
                .param("loggedAt", Timestamp.from(at))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        List<RowError> refused = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (Object[] r : result) {
            long value = (Long) r[1];
            switch ((String) r[0]) {
                case "I" -> created = (int) value;
                case "U" -> updated = (int) value;
                case "R" -> refused.add(new RowError(value, null, "import.error.companyNotFound",
                        List.of(rows.stream().filter(x -> x.line() == value).findFirst().orElseThrow().companyRef())));
                default -> refused.add(new RowError(value, null, "import.error.personNotFound",
                        List.of(rows.stream().filter(x -> x.line() == value).findFirst().orElseThrow().personEmail())));
            }
        }
        return new Outcome(created, updated, refused, List.of());
    }

    private static Outcome outcome(List<Object[]> result, Function<Long, RowError> refusedLine) {
        int created = 0;
        int updated = 0;
        List<RowError> refused = new ArrayList<>();
        for (Object[] r : result) {
            long value = (Long) r[1];
            switch ((String) r[0]) {
                case "I" -> created = (int) value;
                case "U" -> updated = (int) value;
                default -> refused.add(refusedLine.apply(value));
            }
        }
        return new Outcome(created, updated, refused, List.of());
    }

    @Override
    public List<ImportTemplate> templates(long ownerId, ImportKind kind) {
        return jdbc.sql("select id, kind, name, mapping from import_template where owner_id = :owner and kind = :kind order by name")
                .param("owner", ownerId).param("kind", kind.name()).query((rs, n) -> template(rs)).list();
    }

    @Override
    public Optional<ImportTemplate> template(long id, long ownerId) {
        return jdbc.sql("select id, kind, name, mapping from import_template where id = :id and owner_id = :owner")
                .param("id", id).param("owner", ownerId).query((rs, n) -> template(rs)).optional();
    }

    private static ImportTemplate template(ResultSet rs) throws SQLException {
        return new ImportTemplate(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("name"),
                ColumnMapping.decode(rs.getString("mapping")));
    }

    @Override
    public void saveTemplate(long ownerId, ImportKind kind, String name, ColumnMapping mapping) {
        jdbc.sql("""
                        insert into import_template (owner_id, kind, name, mapping) values (:owner, :kind, :name, :mapping)
                        on conflict (owner_id, kind, name) do update set mapping = excluded.mapping
                        """)
                .param("owner", ownerId).param("kind", kind.name()).param("name", name)
                .param("mapping", mapping.encode()).update();
    }

    private static <T> String[] col(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).map(SqlImportStore::clean).toArray(String[]::new);
    }

    /** PostgreSQL's text holds no NUL character. */
    private static String clean(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
