package org.relationcrm.insight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.quality.MergeService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Each company's first exchange (V86), which the acquisition by channel reads, follows every path that changes a
 * company's exchanges: inserts one at a time or in bulk, a date, channel or company changed, a deletion, a merge
 * and its undo. After each step the row is the one computed by hand, and the one the timeline says.
 */
@SpringBootTest
class CompanyFirstExchangeTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired MergeService merges;
    @Autowired JdbcClient jdbc;

    Actor rep;
    Actor manager;

    @BeforeEach
    void setUp() {
        rep = TestData.user(users, Role.SALES, Department.SALES).asActor();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
    }

    @Test
    void theFirstExchangeFollowsInsertsUpdatesDeletesAMergeAndItsUndo() {
        String tag = TestData.unique("Premier");
        long a = company(tag + " Alpha");
        long b = company(tag + " Beta SARL");
        assertThat(first(a)).isEmpty();

        // inserts: a phone call 10 days ago, then an email logged later but dated 20 days ago, an event older still
        long phone = exchange(a, "PHONE", 10);
        assertThat(first(a)).contains("PHONE#" + phone);
        long email = exchange(a, "EMAIL", 20);
        event(a, 30);
        assertThat(first(a)).contains("EMAIL#" + email);
        // the same date: the smaller id first
        long sameDay = exchange(a, "SMS", 20);
        assertThat(first(a)).contains("EMAIL#" + email);

        // updates: a subject rewritten changes nothing; the email moved to 5 days ago leaves the SMS of the same day first
        jdbc.sql("update interaction set subject = 'Réécrit' where company_id = :c").param("c", a).update();
        assertThat(first(a)).contains("EMAIL#" + email);
        jdbc.sql("update interaction set occurred_at = :at where id = :id").param("at", daysAgo(5)).param("id", email)
                .update();
        assertThat(first(a)).contains("SMS#" + sameDay);
        // its channel changed: the first exchange says so
        jdbc.sql("update interaction set channel = 'LETTER' where id = :id").param("id", sameDay).update();
        assertThat(first(a)).contains("LETTER#" + sameDay);
        // moved to another company: it is B's first, A's first is the phone call again
        jdbc.sql("update interaction set company_id = :b where id = :id").param("b", b).param("id", sameDay).update();
        assertThat(first(b)).contains("LETTER#" + sameDay);
        assertThat(first(a)).contains("PHONE#" + phone);

        // deletes: the first one goes, the next one is first; the last one goes, no first exchange
        jdbc.sql("delete from interaction where id = :id").param("id", phone).update();
        assertThat(first(a)).contains("EMAIL#" + email);
        jdbc.sql("delete from interaction where id = :id").param("id", sameDay).update();
        assertThat(first(b)).isEmpty();

        // a bulk insert (an import): the earliest of the statement wins over the one known
        jdbc.sql("""
                        insert into interaction (kind, company_id, channel, direction, occurred_at, author_id,
                                                 author_department, subject, logged_at)
                        select 'EXCHANGE', :b, ch, 'INBOUND', now() - make_interval(days => d), :u, 'SALES', 'Import', now()
                          from (values ('VISIT', 3), ('MEETING', 40), ('CHAT', 15)) v (ch, d)
                        """).param("b", b).param("u", rep.userId()).update();
        long meeting = jdbc.sql("select id from interaction where company_id = :b and channel = 'MEETING'")
                .param("b", b).query(Long.class).single();
        assertThat(first(b)).contains("MEETING#" + meeting);

        // merge: B (first exchange 40 days ago) into A (5 days ago): A's first is B's meeting, B has none left
        long mergeId = merges.merge(a, clients.company(a).version(), b, clients.company(b).version(), Set.of(),
                manager);
        assertThat(first(a)).contains("MEETING#" + meeting);
        assertThat(jdbc.sql("select count(*) from company_first_exchange where company_id = :b").param("b", b)
                .query(Long.class).single()).isZero();

        // undo: each company its own first exchange back
        merges.undo(mergeId, manager);
        assertThat(first(a)).contains("EMAIL#" + email);
        assertThat(first(b)).contains("MEETING#" + meeting);
        for (long c : new long[] {a, b}) {
            assertThat(first(c)).as("the table agrees with the timeline").isEqualTo(timelineFirst(c));
        }
    }

    private long company(String name) {
        return clients.createCompany(new CompanyDetails(name, null, "Boulangerie", null, null, null, "Lyon", "France",
                null, null, CompanyStatus.CUSTOMER, rep.userId(), null), rep).id();
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.from(NOW.minus(Duration.ofDays(days)));
    }

    private long exchange(long companyId, String channel, int daysAgo) {
        return jdbc.sql("""
                        insert into interaction (kind, company_id, channel, direction, occurred_at, author_id,
                                                 author_department, subject, logged_at)
                        values ('EXCHANGE', :c, :ch, 'OUTBOUND', :at, :u, 'SALES', 'Appel', now()) returning id
                        """).param("c", companyId).param("ch", channel).param("at", daysAgo(daysAgo))
                .param("u", rep.userId()).query(Long.class).single();
    }

    private void event(long companyId, int daysAgo) {
        jdbc.sql("""
                        insert into interaction (kind, event_type, event_args, company_id, occurred_at, author_id,
                                                 author_department, logged_at)
                        values ('EVENT', 'NOTE', '{}'::jsonb, :c, :at, :u, 'SALES', now())
                        """).param("c", companyId).param("at", daysAgo(daysAgo)).param("u", rep.userId()).update();
    }

    /** The company's first exchange as "CHANNEL#id", from V86's table. */
    private Optional<String> first(long companyId) {
        return jdbc.sql("select channel || '#' || interaction_id from company_first_exchange where company_id = :c")
                .param("c", companyId).query(String.class).optional();
    }

    private Optional<String> timelineFirst(long companyId) {
        return jdbc.sql("""
                        select channel || '#' || id from interaction where company_id = :c and kind = 'EXCHANGE'
                        order by occurred_at, id limit 1""")
                .param("c", companyId).query(String.class).optional();
    }
}
