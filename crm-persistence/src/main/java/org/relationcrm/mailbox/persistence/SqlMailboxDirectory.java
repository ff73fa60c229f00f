package org.relationcrm.mailbox.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.mailbox.MailboxDirectory;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

/**
 * The addresses of an email looked up in one statement each: people by the expression index of V14
 * ({@code lower(email) collate "C"}), users by the unique index of V32 ({@code lower(email)}).
 */
@Repository
class SqlMailboxDirectory implements MailboxDirectory {

    private final JdbcClient jdbc;

    SqlMailboxDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnownPerson> people(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.company_id, lower(c.email) email, co.owner_id
                          from contact c
                          left join company co on co.id = c.company_id
                         where (lower(c.email) collate "C") = any (cast(:addresses as text[]))""")
                .param("addresses", addresses.toArray(String[]::new))
                .query((rs, n) -> new KnownPerson(rs.getLong("id"), nullableLong(rs, "company_id"),
                        rs.getString("email"), nullableLong(rs, "owner_id")))
                .list();
    }

    @Override
    public List<KnownUser> users(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, lower(email) email, role, department, enabled from app_user
                         where lower(email) = any (cast(:addresses as text[]))""")
                .param("addresses", addresses.toArray(String[]::new))
                .query(SqlMailboxDirectory::user).list();
    }

    @Override
    public Optional<KnownUser> user(long userId) {
        return jdbc.sql("select id, lower(email) email, role, department, enabled from app_user where id = :id")
                .param("id", userId).query(SqlMailboxDirectory::user).optional();
    }

    private static KnownUser user(ResultSet rs, int n) throws SQLException {
        return new KnownUser(rs.getLong("id"), rs.getString("email"),
                new Actor(rs.getLong("id"), Role.valueOf(rs.getString("role")),
                        Department.valueOf(rs.getString("department"))), rs.getBoolean("enabled"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
