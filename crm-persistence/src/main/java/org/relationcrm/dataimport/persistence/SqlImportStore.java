package org.relationcrm.dataimport.persistence;

import java.nio.charset.Charset;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.relationcrm.dataimport.ImportRows.OrderImport;
import org.relationcrm.dataimport.ImportRows.OrderRow;
import org.relationcrm.dataimport.ImportRows.PersonRow;
import org.relationcrm.dataimport.ImportRows.ProductRef;
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
    private final Clock clock;

    SqlImportStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
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
                        insert into import_duplicate (job_id, line, record_id, other_id, reason)
                        values (?, ?, ?, ?, ?) on conflict do nothing
                        """, hits, 500, (ps, hit) -> {
                    ps.setLong(1, jobId);
                    ps.setLong(2, hit.line());
                    ps.setLong(3, hit.recordId());
                    ps.setLong(4, hit.otherId());
                    ps.setString(5, hit.reason());
                });
    }

    @Override
    public List<DuplicateHit> duplicatesOf(long jobId, int limit) {
        return jdbc.sql("""
                        select d.line, d.record_id, coalesce(c.name, concat_ws(' ', p.first_name, p.last_name)) name,
                               d.other_id, coalesce(o.name, concat_ws(' ', q.first_name, q.last_name)) other_name,
                               d.reason
                          from import_duplicate d
                          join import_job j on j.id = d.job_id
                          left join company c on j.kind = 'COMPANIES' and c.id = d.record_id
                          left join company o on j.kind = 'COMPANIES' and o.id = d.other_id
                          left join contact p on j.kind = 'PEOPLE' and p.id = d.record_id
                          left join contact q on j.kind = 'PEOPLE' and q.id = d.other_id
                         where d.job_id = :job and coalesce(c.id, p.id) is not null and coalesce(o.id, q.id) is not null
                         order by d.line, d.other_id limit :limit
                        """).param("job", jobId).param("limit", limit)
                .query((rs, n) -> new DuplicateHit(rs.getLong("line"), rs.getLong("record_id"), rs.getString("name"),
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
    public List<ProductRef> productLines() {
        return jdbc.sql("select id, code, name from product_line order by id")
                .query((rs, n) -> new ProductRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    @Override
    public void analyze(ImportKind kind) {
        String tables = switch (kind) {
            case COMPANIES -> "company, company_status_change";
            case PEOPLE -> "contact";
            case INTERACTIONS -> "interaction, interaction_contact";
            case ORDERS -> "customer_order, order_line, interaction";
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
                        numbered as (
                            select o.*, case when o.id is null then nextval(pg_get_serial_sequence('contact', 'id')) end new_id
                              from ok o),
                        updated as (
                            update contact p
                               set external_id = coalesce(p.external_id, o.ext),
                                   company_id = coalesce(o.company_id, p.company_id),
                                   civility = coalesce(o.civ, p.civility), first_name = coalesce(o.first, p.first_name),
                                   last_name = o.last, job_title = coalesce(o.job, p.job_title),
                                   email = coalesce(o.email, p.email), phone = coalesce(o.phone, p.phone),
                                   mobile = coalesce(o.mobile, p.mobile), city = coalesce(o.city, p.city),
                                   language = coalesce(o.lang, p.language), version = p.version + 1
                              from numbered o where p.id = o.id
                            returning p.id),
                        inserted as (
                            insert into contact (id, external_id, company_id, primary_contact, civility, first_name,
                                                 last_name, job_title, email, phone, mobile, city, language, created_at)
                            select new_id, ext, company_id,
                                   company_id is not null
                                       and row_number() over (partition by company_id order by line) = 1
                                       and not exists (select 1 from contact p
                                                        where p.company_id = o.company_id and p.primary_contact),
                                   coalesce(civ, 'NONE'), first, last, job, email, phone, mobile, city, lang, :at
                              from numbered o where id is null
                            returning id)
                        select 'U', count(*), null::bigint from updated
                        union all select 'I', count(*), null from inserted
                        union all select 'R', line, null from resolved where cref is not null and company_id is null
                        union all select 'N', new_id, line from numbered where new_id is not null
                        """.formatted(COMPANY_BY_REF.formatted("i.cref", SIREN_LIKE)))
                .param("ext", col(rows, PersonRow::externalId)).param("cref", col(rows, PersonRow::companyRef))
                .param("civ", col(rows, r -> r.civility() == null ? null : r.civility().name()))
                .param("first", col(rows, PersonRow::firstName)).param("last", col(rows, PersonRow::lastName))
                .param("job", col(rows, PersonRow::jobTitle)).param("email", col(rows, PersonRow::email))
                .param("phone", col(rows, PersonRow::phone)).param("mobile", col(rows, PersonRow::mobile))
                .param("city", col(rows, PersonRow::city)).param("lang", col(rows, PersonRow::language))
                .param("line", rows.stream().map(PersonRow::line).toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getObject(3)}).list();
        List<Long> newIds = new ArrayList<>();
        List<Long> newLines = new ArrayList<>();
        List<Object[]> counts = new ArrayList<>();
        for (Object[] r : result) {
            if ("N".equals(r[0])) {
                newIds.add((Long) r[1]);
                newLines.add(((Number) r[2]).longValue());
            } else {
                counts.add(r);
            }
        }
        Outcome outcome = outcome(counts, line -> {
            PersonRow row = rows.stream().filter(r -> r.line() == line).findFirst().orElseThrow();
            return new RowError(line, null, "import.error.companyNotFound", List.of(row.companyRef()));
        });
        return new Outcome(outcome.created(), outcome.updated(), outcome.refused(),
                likelyDuplicatePeople(newIds, newLines));
    }

    /**
     * The people's duplicates rules of the data-quality list, for the people a batch created: among those its
     * blocks hold ({@code quality_person_candidates}: same company, same email, phone or name start, blocks of at
     * most {@link #MAX_BLOCK}), the one most like the new person ({@code quality_person_likeness}, the function the
     * list's refresh applies), if any.
     */
    private List<DuplicateHit> likelyDuplicatePeople(List<Long> ids, List<Long> lines) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select x.line, n.id, concat_ws(' ', n.first_name, n.last_name) name, best.id other_id,
                               best.name other_name, best.reasons
                          from unnest(cast(:ids as bigint[]), cast(:lines as bigint[])) x(id, line)
                          join contact n on n.id = x.id
                          cross join lateral (
                              select o.id, concat_ws(' ', o.first_name, o.last_name) name, l.reasons
                                from (select distinct k.id from quality_person_candidates(n, :max) k(id)) k
                                join contact o on o.id = k.id
                               cross join lateral quality_person_likeness(n, o, :similarity) l
                               order by l.score desc, o.id desc
                               limit 1) best
                         -- the blocks searched only for a person of a company where someone else shares a key
                         -- (read from the company's index): most new people share none, and the search per person
                         -- was half the run's time (300 000 people: 103 s with it for everyone, 53 s without)
                         where n.company_id is null
                            or exists (select 1 from contact b
                                        where b.company_id = n.company_id and b.id <> n.id
                                          and (lower(b.email) = lower(n.email)
                                               or left(b.sort_name, 3) = left(n.sort_name, 3)
                                               or array[relation_phone_digits(b.phone), relation_phone_digits(b.mobile)]
                                                  && array[relation_phone_digits(n.phone), relation_phone_digits(n.mobile)]))
                        """)
                .param("ids", ids.toArray(Long[]::new)).param("lines", lines.toArray(Long[]::new))
                .param("similarity", DuplicateReason.PERSON_NAME_SIMILARITY).param("max", MAX_BLOCK)
                .query((rs, n) -> new DuplicateHit(rs.getLong("line"), rs.getLong("id"), rs.getString("name"),
                        rs.getLong("other_id"), rs.getString("other_name"), rs.getString("reasons")))
                .list();
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

    /** An order's client as found by its reference, and the order its reference finds, if any. */
    private record OrderMatch(Long companyId, long named, Long orderId, Long orderCompanyId) {
    }

    @Override
    public Outcome writeOrders(List<OrderImport> orders, long importerId, Instant at) {
        List<OrderMatch> matches = jdbc.sql("""
                        select coalesce(%s,
                                        (select min(c.id) from company c where c.sort_name = relation_fold(i.cref)
                                         having count(*) = 1)) company_id,
                               (select count(*) from (select 1 from company c
                                                       where c.sort_name = relation_fold(i.cref) limit 2) k) named,
                               o.id order_id, o.company_id order_company_id
                          from unnest(cast(:ref as text[]), cast(:cref as text[])) with ordinality i(ref, cref, n)
                          left join customer_order o on o.external_id = i.ref
                         order by i.n
                        """.formatted(COMPANY_BY_REF.formatted("i.cref", SIREN_LIKE)))
                .param("ref", col(orders, OrderImport::reference))
                .param("cref", col(orders, o -> o.first().companyRef()))
                .query((rs, n) -> new OrderMatch(rs.getObject("company_id", Long.class), rs.getLong("named"),
                        rs.getObject("order_id", Long.class), rs.getObject("order_company_id", Long.class)))
                .list();
        List<RowError> refused = new ArrayList<>();
        List<OrderImport> updates = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        List<OrderImport> inserts = new ArrayList<>();
        List<Long> insertCompanies = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderImport order = orders.get(i);
            OrderMatch match = matches.get(i);
            String code = match.companyId() == null
                    ? match.named() > 1 ? "import.error.companyAmbiguous" : "import.error.clientNotFound"
                    : match.orderId() != null && !match.orderCompanyId().equals(match.companyId())
                    ? "import.error.orderOtherClient" : null;
            if (code != null) {
                order.rows().forEach(r -> refused.add(new RowError(r.line(), null, code, List.of(r.companyRef()))));
            } else if (match.orderId() != null) {
                updates.add(order);
                updateIds.add(match.orderId());
            } else {
                inserts.add(order);
                insertCompanies.add(match.companyId());
            }
        }
        if (!updates.isEmpty()) {
            jdbc.sql("""
                            update customer_order o
                               set ordered_on = u.ordered_on, promised_on = u.promised_on, currency = u.currency,
                                   payment_terms = u.terms, total = u.total, status = u.status,
                                   shipped_on = u.shipped_on, delivered_on = u.delivered_on,
                                   invoiced_on = u.invoiced_on, invoice_due_on = u.due_on, paid_on = u.paid_on,
                                   invoice_number = case when u.invoiced_on is not null
                                                         then coalesce(o.invoice_number, 'FAC' || substr(o.number, 4)) end,
                                   cancel_reason = u.cancel_reason,
                                   cancel_note = case when u.status = 'CANCELLED' then o.cancel_note end,
                                   version = o.version + 1
                              from (%s) u
                             where o.id = u.id
                            """.formatted(ORDER_VALUES))
                    .params(orderValues(updates, updateIds)).update();
            jdbc.sql("delete from order_line where order_id = any(cast(:ids as bigint[]))")
                    .param("ids", updateIds.toArray(Long[]::new)).update();
        }
        List<Long> insertedIds = new ArrayList<>();
        if (!inserts.isEmpty()) {
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            jdbc.sql("""
                            insert into customer_order (number, external_id, company_id, ordered_on, currency,
                                                        payment_terms, promised_on, total, status, shipped_on,
                                                        delivered_on, invoice_number, invoiced_on, invoice_due_on,
                                                        paid_on, cancel_reason, created_by, created_at)
                            select u.number, u.ref, u.id, u.ordered_on, u.currency, u.terms, u.promised_on, u.total,
                                   u.status, u.shipped_on, u.delivered_on,
                                   case when u.invoiced_on is not null then 'FAC' || substr(u.number, 4) end,
                                   u.invoiced_on, u.due_on, u.paid_on, u.cancel_reason, u.author, :at
                              from (select v.*, 'CMD-' || extract(year from v.ordered_on)::int || '-'
                                                || lpad(v.s::text, greatest(6, length(v.s::text)), '0') number
                                      from (select w.*, nextval('customer_order_number_seq') s
                                              from (%s) w order by w.n) v) u
                            returning id, external_id
                            """.formatted(ORDER_VALUES))
                    .params(orderValues(inserts, insertCompanies)).param("at", Timestamp.from(at))
                    .query((rs, n) -> ids.put(rs.getString("external_id"), rs.getLong("id"))).list();
            inserts.forEach(o -> insertedIds.add(ids.get(o.reference())));
        }
        writeLines(updates, updateIds);
        writeLines(inserts, insertedIds);
        placedOnTimelines(inserts, insertedIds, at);
        List<Long> written = new ArrayList<>(updateIds);
        written.addAll(insertedIds);
        holdDeliveredLines(written, importerId);
        return new Outcome(inserts.size(), updates.size(), refused, List.of());
    }

    /** A batch's orders as rows, with the id of each (the order's to update, or the client's for a new one). */
    private static final String ORDER_VALUES = """
            select * from unnest(cast(:id as bigint[]), cast(:ref as text[]), cast(:orderedOn as date[]),
                                 cast(:promisedOn as date[]), cast(:currency as text[]), cast(:terms as text[]),
                                 cast(:total as numeric[]), cast(:status as text[]), cast(:shippedOn as date[]),
                                 cast(:deliveredOn as date[]), cast(:invoicedOn as date[]), cast(:dueOn as date[]),
                                 cast(:paidOn as date[]), cast(:cancelReason as text[]), cast(:author as bigint[]))
                          with ordinality
                          as t(id, ref, ordered_on, promised_on, currency, terms, total, status, shipped_on,
                               delivered_on, invoiced_on, due_on, paid_on, cancel_reason, author, n)
            """;

    private static java.util.Map<String, Object> orderValues(List<OrderImport> orders, List<Long> ids) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("id", ids.toArray(Long[]::new));
        values.put("ref", col(orders, OrderImport::reference));
        values.put("orderedOn", days(orders, OrderRow::orderedOn));
        values.put("promisedOn", days(orders, OrderRow::promisedOn));
        values.put("currency", col(orders, o -> o.first().currency()));
        values.put("terms", col(orders, o -> o.first().paymentTerms().name()));
        values.put("total", orders.stream().map(OrderImport::total).toArray(java.math.BigDecimal[]::new));
        values.put("status", col(orders, o -> o.first().status().name()));
        values.put("shippedOn", days(orders, OrderRow::shippedOn));
        values.put("deliveredOn", days(orders, OrderRow::deliveredOn));
        values.put("invoicedOn", days(orders, OrderRow::invoicedOn));
        values.put("dueOn", days(orders, OrderRow::invoiceDueOn));
        values.put("paidOn", days(orders, OrderRow::paidOn));
        values.put("cancelReason", col(orders, o -> o.first().cancelReason() == null ? null
                : o.first().cancelReason().name()));
        values.put("author", orders.stream().map(o -> o.first().authorId()).toArray(Long[]::new));
        return values;
    }

    /** Dates as ISO text: an array of java.sql.Date would be bound in the session's time zone. */
    private static String[] days(List<OrderImport> orders, Function<OrderRow, LocalDate> day) {
        return orders.stream().map(o -> day.apply(o.first())).map(d -> d == null ? null : d.toString())
                .toArray(String[]::new);
    }

    /** The orders' lines, in the file's order (their positions from 0), for orders without lines yet. */
    private void writeLines(List<OrderImport> orders, List<Long> ids) {
        if (orders.isEmpty()) {
            return;
        }
        List<Long> orderIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<OrderRow> lines = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            int position = 0;
            for (OrderRow row : orders.get(i).rows()) {
                orderIds.add(ids.get(i));
                positions.add(position++);
                lines.add(row);
            }
        }
        jdbc.sql("""
                        insert into order_line (order_id, position, product_line_id, quantity, unit_price, discount_percent)
                        select * from unnest(cast(:order as bigint[]), cast(:position as integer[]),
                                             cast(:product as bigint[]), cast(:quantity as integer[]),
                                             cast(:price as numeric[]), cast(:discount as numeric[]))
                        """)
                .param("order", orderIds.toArray(Long[]::new)).param("position", positions.toArray(Integer[]::new))
                .param("product", lines.stream().map(OrderRow::productLineId).toArray(Long[]::new))
                .param("quantity", lines.stream().map(OrderRow::quantity).toArray(Integer[]::new))
                .param("price", lines.stream().map(OrderRow::unitPrice).toArray(java.math.BigDecimal[]::new))
                .param("discount", lines.stream().map(OrderRow::discountPercent).toArray(java.math.BigDecimal[]::new))
                .update();
    }

    /**
     * The new orders on their clients' timelines, as {@code OrderPlaced} puts an order placed by hand (same type,
     * same arguments, by the order's author), at the start of the day it was ordered: the history reads in order.
     */
    private void placedOnTimelines(List<OrderImport> orders, List<Long> ids, Instant at) {
        if (orders.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at,
                                                 logged_at, author_id, author_department)
                        select 'EVENT', 'ORDER_PLACED',
                               jsonb_build_object('number', o.number, 'amount', o.total::text, 'currency', o.currency),
                               o.id, o.company_id, cast(x.occurred_at as timestamptz), :at, o.created_by, u.department
                          from unnest(cast(:ids as bigint[]), cast(:occurredAt as text[])) x(id, occurred_at)
                          join customer_order o on o.id = x.id
                          join app_user u on u.id = o.created_by
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .param("occurredAt", orders.stream().map(o -> o.first().orderedOn().atStartOfDay(clock.getZone())
                        .toInstant().toString()).toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A delivered order's product lines become lines its client holds, as OrderService.deliver does. */
    private void holdDeliveredLines(List<Long> orderIds, long importerId) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                        select distinct on (o.company_id, l.product_line_id) o.company_id, l.product_line_id, 'ORDER',
                               o.delivered_on, :by
                          from customer_order o join order_line l on l.order_id = o.id
                         where o.id = any(cast(:ids as bigint[])) and o.delivered_on is not null
                         order by o.company_id, l.product_line_id, o.delivered_on
                        on conflict (company_id, product_line_id) do nothing
                        """)
                .param("ids", orderIds.toArray(Long[]::new)).param("by", importerId).update();
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
