package org.relationcrm.segment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.quality.MergeService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The facts of each company's main contact that the completeness criterion reads (V90's {@code company_main_contact},
 * kept by triggers on the people) follow every change of the people: added, edited, made primary, anonymised,
 * deleted, moved by a company merge and moved back by its undo, added by two transactions at once. After each step
 * the row is compared with the main contact read from the people themselves (primary first, else the oldest), and
 * with the facts expected by hand.
 */
@SpringBootTest
class CompanyMainContactTests {

    /** No row: the company has nobody. */
    static final List<Boolean> NOBODY = List.of();
    static final List<Boolean> EMAIL_PHONE_CHANNEL = List.of(true, true, true);
    static final List<Boolean> NOTHING = List.of(false, false, false);

    @Autowired ClientService clients;
    @Autowired MergeService merges;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    /** A manager of one's own per test: owns the companies, anonymises, merges. */
    private Actor newManager() {
        return TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
    }

    /** The stored facts (email, phone, preferred channel), checked equal to the ones read from the people. */
    private List<Boolean> facts(long companyId) {
        List<Boolean> stored = jdbc.sql("""
                        select has_email, has_phone, has_channel from company_main_contact where company_id = :c""")
                .param("c", companyId)
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElse(NOBODY);
        List<Boolean> live = jdbc.sql("""
                        select k.email is not null, k.phone is not null or k.mobile is not null,
                               k.preferred_channel is not null
                          from contact k where k.company_id = :c order by k.primary_contact desc, k.id limit 1""")
                .param("c", companyId)
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElse(NOBODY);
        assertThat(stored).as("the stored main contact of company %d is the one its people give", companyId)
                .isEqualTo(live);
        return stored;
    }

    private static ContactDetails nobodyToReach(String lastName) {
        return new ContactDetails(Civility.MR, "Bruno", lastName, null, null, null, null, null, null, null, "fr",
                null, null, null, Consent.none());
    }

    private long version(long contactId) {
        return clients.contact(contactId).version();
    }

    @Test
    void theMainContactsFactsFollowThePeople() {
        Actor manager = newManager();
        long alpha = clients.createCompany(TestData.company(TestData.unique("Alpha"), manager.userId()), manager).id();
        assertThat(facts(alpha)).isEqualTo(NOBODY);

        // the first person becomes primary: email, phone and channel
        long anne = clients.addContact(alpha, TestData.person("Anne", "Martin", "anne@alpha.example")).id();
        assertThat(facts(alpha)).isEqualTo(EMAIL_PHONE_CHANNEL);
        // a second one, with nothing to reach them by, is not the main contact
        long bruno = clients.addContact(alpha, nobodyToReach("Petit")).id();
        assertThat(facts(alpha)).isEqualTo(EMAIL_PHONE_CHANNEL);
        // until made primary
        clients.makePrimary(bruno, version(bruno));
        assertThat(facts(alpha)).isEqualTo(NOTHING);
        // a mobile is a phone
        ContactDetails withMobile = new ContactDetails(Civility.MR, "Bruno", "Petit", null, null, null, null,
                "06 00 00 00 01", null, null, "fr", null, null, null, Consent.none());
        clients.reviseContact(bruno, version(bruno), withMobile);
        assertThat(facts(alpha)).isEqualTo(List.of(false, true, false));
        // an edit that changes none of the facts leaves them
        clients.reviseContact(anne, version(anne), TestData.person("Anne", "Martin-Durand", "anne@alpha.example"));
        assertThat(facts(alpha)).isEqualTo(List.of(false, true, false));
        // anonymised: nothing left to reach them by
        clients.anonymiseContact(bruno, version(bruno), manager.userId());
        assertThat(facts(alpha)).isEqualTo(NOTHING);
        // gone: the oldest is the main contact again, then nobody
        jdbc.sql("delete from contact where id = :id").param("id", bruno).update();
        assertThat(facts(alpha)).isEqualTo(EMAIL_PHONE_CHANNEL);
        jdbc.sql("update contact set company_id = null where id = :id").param("id", anne).update();
        assertThat(facts(alpha)).isEqualTo(NOBODY);
        jdbc.sql("update contact set company_id = :c where id = :id").param("c", alpha).param("id", anne).update();
        assertThat(facts(alpha)).isEqualTo(EMAIL_PHONE_CHANNEL);
    }

    @Test
    void aCompanyMergeMovesTheMainContactAndItsUndoMovesItBack() {
        Actor manager = newManager();
        long survivor = clients.createCompany(TestData.company(TestData.unique("Survivor"), manager.userId()),
                manager).id();
        long loser = clients.createCompany(TestData.company(TestData.unique("Loser"), manager.userId()), manager).id();
        // the survivor's only person is not primary, the loser's is: after the merge the loser's is the main one
        long anne = clients.addContact(survivor, TestData.person("Anne", "Martin", "anne@survivor.example")).id();
        jdbc.sql("update contact set primary_contact = false where id = :id").param("id", anne).update();
        clients.addContact(loser, nobodyToReach("Perdant"));
        assertThat(facts(survivor)).isEqualTo(EMAIL_PHONE_CHANNEL);
        assertThat(facts(loser)).isEqualTo(NOTHING);

        long mergeId = merges.merge(survivor, clients.company(survivor).version(), loser,
                clients.company(loser).version(), Set.of(), manager);
        assertThat(facts(survivor)).isEqualTo(NOTHING);
        assertThat(jdbc.sql("select count(*) from company_main_contact where company_id = :l").param("l", loser)
                .query(Long.class).single()).isZero();

        merges.undo(mergeId, manager);
        assertThat(facts(survivor)).isEqualTo(EMAIL_PHONE_CHANNEL);
        assertThat(facts(loser)).isEqualTo(NOTHING);
    }

    @Test
    void twoPeopleAddedAtOnceToOneCompanyLeaveTheFactsOfItsMainContact() throws Exception {
        Actor manager = newManager();
        long company = clients.createCompany(TestData.company(TestData.unique("Concurrent"), manager.userId()),
                manager).id();
        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            long secondPid = pid(two);
            // the first (the oldest, so the main contact), with an email, not committed yet
            addPerson(one, company, "first@concurrent.example");
            // the second, without one, waits for the first's commit on the company's row: its trigger must then read
            // the people again, or it would keep itself as the main contact, not having seen the first
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    addPerson(two, company, null);
                    two.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            waitUntilWaitingForALock(secondPid);
            one.commit();
            second.get(30, TimeUnit.SECONDS);
        }
        assertThat(facts(company)).isEqualTo(List.of(true, false, false));
    }

    private static long pid(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void waitUntilWaitingForALock(long pid) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if ("Lock".equals(jdbc.sql("select wait_event_type from pg_stat_activity where pid = :pid")
                    .param("pid", pid).query(String.class).optional().orElse(null))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second transaction never waited for the first");
    }

    private static void addPerson(Connection connection, long company, String email) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into contact (company_id, civility, first_name, last_name, email, language, created_at,
                                     primary_contact)
                values (?, 'MRS', 'Anne', 'Concurrente', ?, 'fr', now(), false)""")) {
            insert.setLong(1, company);
            insert.setString(2, email);
            insert.executeUpdate();
        }
    }
}
