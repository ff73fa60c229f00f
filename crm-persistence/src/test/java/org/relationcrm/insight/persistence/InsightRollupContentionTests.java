package org.relationcrm.insight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Two reps of one team log a call each at the same moment, on clients of the same owner, by the same channel, in
 * the same month: both add to the month's exchange rollup, and the second does not wait for the first to commit
 * (each connection writes its own shard; a single row per month and owner made every post of a team queue behind
 * the previous one's commit). The dashboard's sum still counts both.
 */
@SpringBootTest
class InsightRollupContentionTests {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    @Test
    void twoExchangesLoggedAtOnceForOneOwnerDoNotWaitForEachOther() throws SQLException {
        long owner = TestData.user(users, Role.SALES, Department.SALES).id();
        long first = company(owner);
        long second = company(owner);
        long before = exchangesThisMonth(owner);

        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            logCall(one, first, owner);  // not committed yet: it holds what it wrote
            try (var timeout = two.createStatement()) {
                timeout.execute("set local lock_timeout = '2s'");
            }
            logCall(two, second, owner); // fails with "lock timeout" if it waits for the first
            two.commit();
            one.commit();
        }

        assertThat(exchangesThisMonth(owner)).isEqualTo(before + 2);
    }

    private long company(long owner) {
        return jdbc.sql("insert into company (name, status, owner_id, created_at) values (:name, 'CUSTOMER', :owner, "
                        + "now()) returning id")
                .param("name", TestData.unique("Contention")).param("owner", owner).query(Long.class).single();
    }

    private static void logCall(Connection connection, long company, long author) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, logged_at)
                values (?, 'PHONE', 'OUTBOUND', now(), ?, 'SALES', 'Appel', now())""")) {
            insert.setLong(1, company);
            insert.setLong(2, author);
            insert.executeUpdate();
        }
    }

    private long exchangesThisMonth(long owner) {
        return jdbc.sql("""
                        select coalesce(sum(interactions), 0) from insight_interaction_rollup
                        where owner_id = :owner and month = date_trunc('month', now())::date and customer""")
                .param("owner", owner).query(Long.class).single();
    }
}
