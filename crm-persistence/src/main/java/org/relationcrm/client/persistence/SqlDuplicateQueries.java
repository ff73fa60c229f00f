package org.relationcrm.client.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.DuplicateHint;
import org.relationcrm.client.DuplicateReason;
import org.relationcrm.client.internal.DuplicateQueries;

/**
 * Likely duplicates in one statement each: the candidates come from a union of index lookups (V59), never from a
 * scan, then each is told why it matched. A phone counts from 9 digits on, a name from the trigram similarity
 * {@link DuplicateReason#COMPANY_NAME_SIMILARITY} (people: {@link DuplicateReason#PERSON_NAME_SIMILARITY}).
 */
@Repository
class SqlDuplicateQueries implements DuplicateQueries {

    private final JdbcClient jdbc;

    SqlDuplicateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DuplicateHint> sirenHolder(String siren, Long exceptId) {
        if (siren == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, name, city from company
                        where siren = :siren and not siren_legacy_duplicate and id <> :except
                        """)
                .param("siren", siren)
                .param("except", exceptId == null ? -1L : exceptId)
                .query((rs, n) -> new DuplicateHint(rs.getLong("id"), rs.getString("name"), rs.getString("city"),
                        List.of(DuplicateReason.SIREN)))
                .optional();
    }

    @Override
    public List<DuplicateHint> companies(CompanyDetails details, Long exceptId, int limit) {
        return jdbc.sql("""
                        with input as (
                            select cast(:siren as varchar) siren,
                                   nullif(relation_phone_digits(cast(:phone as varchar)), '') phone,
                                   relation_fold(cast(:name as varchar)) as name,
                                   relation_fold(cast(:city as varchar)) city),
                        ids as (
                            select s.id from company s, input i where s.siren = i.siren
                            union
                            select p.id from company p, input i
                             where length(i.phone) >= 9 and p.phone is not null and relation_phone_digits(p.phone) = i.phone
                            union
                            (select n.id from company n, input i
                              where n.city is not null and relation_fold(n.city) = i.city and n.sort_name % i.name
                                and similarity(n.sort_name, i.name) >= :similarity
                              order by similarity(n.sort_name, i.name) desc, n.id limit :limit))
                        select c.id, c.name, c.city,
                               coalesce(c.siren = i.siren, false) same_siren,
                               coalesce(length(i.phone) >= 9 and relation_phone_digits(c.phone) = i.phone, false) same_phone,
                               coalesce(relation_fold(c.city) = i.city
                                        and similarity(c.sort_name, i.name) >= :similarity, false) same_name
                        from ids join company c on c.id = ids.id cross join input i
                        where c.id <> :except
                        """)
                .param("siren", Company.siren(details.legalId()))
                .param("phone", details.phone())
                .param("name", details.name() == null ? "" : details.name())
                .param("city", details.city())
                .param("similarity", DuplicateReason.COMPANY_NAME_SIMILARITY)
                .param("except", exceptId == null ? -1L : exceptId)
                .param("limit", limit * 4)
                .query((rs, n) -> hint(rs, "name", "same_siren"))
                .list().stream()
                .filter(h -> !h.reasons().isEmpty())
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public List<DuplicateHint> contacts(ContactDetails details, Long companyId, Long exceptId, int limit) {
        return jdbc.sql("""
                        with input as (
                            select lower(cast(:email as varchar)) collate "C" email,
                                   nullif(relation_phone_digits(cast(:phone as varchar)), '') phone,
                                   nullif(relation_phone_digits(cast(:mobile as varchar)), '') mobile,
                                   relation_fold(cast(:name as varchar)) as name,
                                   relation_fold(cast(:city as varchar)) city,
                                   cast(:company as bigint) company_id)
                        select k.id, concat_ws(' ', k.first_name, k.last_name) display_name,
                               coalesce(k.city, co.city) city,
                               coalesce(lower(k.email) collate "C" = i.email, false) same_email,
                               coalesce((length(i.phone) >= 9 and i.phone in (relation_phone_digits(k.phone), relation_phone_digits(k.mobile)))
                                     or (length(i.mobile) >= 9 and i.mobile in (relation_phone_digits(k.phone), relation_phone_digits(k.mobile))),
                                        false) same_phone,
                               coalesce(similarity(k.sort_name, i.name) >= :similarity
                                        and (k.company_id = i.company_id or relation_fold(coalesce(k.city, co.city)) = i.city),
                                        false) same_name,
                               similarity(k.sort_name, i.name) sim
                        from input i
                        join contact k on k.id in (
                                select e.id from contact e where e.email is not null and lower(e.email) collate "C" = i.email
                                union
                                select p.id from contact p where p.phone is not null and length(relation_phone_digits(p.phone)) >= 9
                                   and relation_phone_digits(p.phone) in (i.phone, i.mobile)
                                union
                                select m.id from contact m where m.mobile is not null and length(relation_phone_digits(m.mobile)) >= 9
                                   and relation_phone_digits(m.mobile) in (i.phone, i.mobile)
                                union
                                (select n.id from contact n where n.sort_name % i.name
                                    and similarity(n.sort_name, i.name) >= :similarity
                                  order by similarity(n.sort_name, i.name) desc, n.id limit 200))
                        left join company co on co.id = k.company_id
                        where k.id <> :except
                        """)
                .param("email", details.email() == null ? null : details.email().strip())
                .param("phone", details.phone())
                .param("mobile", details.mobile())
                .param("name", (details.lastName() == null ? "" : details.lastName()) + " "
                        + (details.firstName() == null ? "" : details.firstName()))
                .param("city", details.city())
                .param("company", companyId)
                .param("similarity", DuplicateReason.PERSON_NAME_SIMILARITY)
                .param("except", exceptId == null ? -1L : exceptId)
                .query((rs, n) -> hint(rs, "display_name", null))
                .list().stream()
                .filter(h -> !h.reasons().isEmpty())
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }

    private static final java.util.Comparator<DuplicateHint> ORDER = java.util.Comparator
            .comparing((DuplicateHint h) -> h.reasons().getFirst())
            .thenComparing(h -> -h.reasons().size())
            .thenComparing(DuplicateHint::id);

    private static DuplicateHint hint(ResultSet rs, String nameColumn, String sirenColumn) throws SQLException {
        List<DuplicateReason> reasons = new ArrayList<>();
        if (sirenColumn != null && rs.getBoolean(sirenColumn)) {
            reasons.add(DuplicateReason.SIREN);
        }
        if (sirenColumn == null && rs.getBoolean("same_email")) {
            reasons.add(DuplicateReason.EMAIL);
        }
        if (rs.getBoolean("same_phone")) {
            reasons.add(DuplicateReason.PHONE);
        }
        if (rs.getBoolean("same_name")) {
            reasons.add(DuplicateReason.NAME_CITY);
        }
        return new DuplicateHint(rs.getLong("id"), rs.getString(nameColumn), rs.getString("city"), reasons);
    }
}
