package org.relationcrm.quality.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Consent;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.ImportantDate;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.quality.DuplicatesService;
import org.relationcrm.quality.MergeService;
import org.relationcrm.quality.PersonField;
import org.relationcrm.quality.PersonMergeService;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Merging two records of one person (typed by sales and by support) with history in every feature that names people:
 * nothing is lost, nothing is counted twice, the loser's id leads to the survivor, the consents are never turned into
 * a consent unasked, and the undo gives each person back exactly what they had.
 */
@SpringBootTest
class PersonMergeTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired InteractionService interactions;
    @Autowired PersonMergeService merges;
    @Autowired DuplicatesService duplicates;
    @Autowired JdbcClient jdbc;

    Actor rep;
    Actor manager;

    @BeforeEach
    void setUp() {
        rep = TestData.user(users, Role.SALES, Department.SALES).asActor();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
    }

    private long company(String name) {
        return clients.createCompany(TestData.company(name, rep.userId()), rep).id();
    }

    private static ContactDetails person(String first, String last, String email, String phone, Consent consent,
                                         List<ImportantDate> dates, String notes) {
        return new ContactDetails(Civility.MRS, first, last, null, null, email, phone, null, null, Channel.EMAIL, "fr",
                dates, notes, null, consent);
    }

    @Test
    void everyForeignKeyToAPersonIsHandledByTheMerge() {
        List<String> referencing = jdbc.sql("""
                        select distinct conrelid::regclass::text from pg_constraint
                         where contype = 'f' and confrelid = 'contact'::regclass
                        """).query(String.class).list();
        Set<String> handled = new HashSet<>(SqlPersonMergeStore.MOVED_BY_KEY.keySet());
        handled.addAll(SqlPersonMergeStore.LINKS.keySet());
        handled.addAll(SqlPersonMergeStore.HANDLED_APART);
        handled.addAll(SqlPersonMergeStore.CASCADED);
        assertThat(handled)
                .as("a table pointing at contact must be moved by SqlPersonMergeStore (and moved back by its undo)")
                .containsAll(referencing);
    }

    @Test
    void mergeKeepsEveryHistoryOnceAndUndoGivesEachPersonTheirOwnBack() {
        String tag = TestData.unique("personne");
        long c = company(tag + " Menuiserie");
        ImportantDate birthday = new ImportantDate("Anniversaire", LocalDate.of(1980, 5, 12));
        // typed by support first (so the company's primary contact), then by sales
        long l = clients.addContact(c, person("Anne", "Martin", "anne.martin@" + tag + ".fr", "06 11 22 33 44",
                new Consent(false, true, false, false), List.of(birthday), "Préfère le matin")).id();
        long s = clients.addContact(c, person("Anne", "Martin", "a.martin@" + tag + ".fr", null,
                new Consent(true, false, false, false), List.of(), "Décide des achats")).id();
        assertThat(clients.contact(l).isPrimaryContact()).isTrue();

        // the survivor: 2 calls (one also with the loser), a deal (also with the loser)
        call(c, Set.of(s), "Appel S1");
        call(c, Set.of(s, l), "Appel S+L");
        long dealBoth = opportunity(c, "Fenêtres");
        link("opportunity_contact", "opportunity_id", dealBoth, s);
        link("opportunity_contact", "opportunity_id", dealBoth, l);
        // the loser: 2 calls of their own (one with a next step), another deal won, a meeting, a complaint, a survey
        // answered, an order
        call(c, Set.of(l), "Appel L1");
        interactions.log(new LogInteraction(c, Set.of(l), Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(Duration.ofDays(1)), "Appel L2", null, null, null, "Envoyer le devis",
                LocalDate.now().plusDays(3)), rep);
        long dealLoser = opportunity(c, "Portes");
        link("opportunity_contact", "opportunity_id", dealLoser, l);
        long meeting = jdbc.sql("""
                        insert into meeting_prep (company_id, opportunity_id, title, meeting_at, author_id, created_at)
                        values (:c, :o, 'Rendez-vous', now() + interval '2 days', :u, now()) returning id
                        """).param("c", c).param("o", dealLoser).param("u", rep.userId()).query(Long.class).single();
        link("meeting_prep_contact", "meeting_prep_id", meeting, l);
        jdbc.sql("""
                        insert into won_deal (opportunity_id, company_id, contact_id, owner_id, amount, won_on)
                        values (:o, :c, :k, :u, 1000, current_date)
                        """).param("o", dealLoser).param("c", c).param("k", l).param("u", rep.userId()).update();
        jdbc.sql("""
                        insert into complaint (company_id, contact_id, channel, category, severity, description, subject,
                                               owner_id, status, opened_at, opened_by, first_response_due, resolution_due)
                        values (:c, :k, 'PHONE', 'DELIVERY', 'HIGH', 'Livraison en retard', 'Retard', :u, 'OPEN', now(),
                                :u, now() + interval '1 day', now() + interval '5 days')
                        """).param("c", c).param("k", l).param("u", rep.userId()).update();
        jdbc.sql("""
                        insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by,
                                            created_at, sent_at, answered_at, score)
                        values ('NPS', :c, :k, 'MANUAL', :t, 'fr', :u, now(), now(), now(), 9)
                        """).param("c", c).param("k", l).param("t", TestData.unique("tok")).param("u", rep.userId())
                .update();
        jdbc.sql("""
                        insert into customer_order (number, company_id, contact_id, ordered_on, currency, payment_terms,
                                                    promised_on, total, status, created_by, created_at)
                        values (:n, :c, :k, current_date, 'EUR', 'NET_30', current_date + 10, 2500, 'RECEIVED', :u, now())
                        """).param("n", tag.substring(tag.length() - 8) + "-P").param("c", c).param("k", l)
                .param("u", rep.userId()).update();

        Map<String, Long> survivorBefore = counts(s);
        Map<String, Long> loserBefore = counts(l);
        // hand-counted: interactions, deals, meetings, complaints, surveys, won deals, orders
        assertThat(survivorBefore.values()).containsExactly(2L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(loserBefore.values()).containsExactly(3L, 2L, 1L, 1L, 1L, 1L, 1L);
        long companyInteractions = companyInteractions(c);
        long openNextSteps = openNextSteps(c);

        long mergeId = merges.merge(s, clients.contact(s).version(), l, clients.contact(l).version(),
                Set.of(PersonField.PHONE, PersonField.CONSENT_PHONE), manager);

        // the loser is gone, its address leads to the survivor, which took its phone and (ticked) phone consent
        assertThat(jdbc.sql("select count(*) from contact where id = :l").param("l", l).query(Long.class).single())
                .isZero();
        assertThat(merges.survivorOf(l)).contains(s);
        Contact merged = clients.contact(s);
        assertThat(merged.details().email()).isEqualTo("a.martin@" + tag + ".fr");
        assertThat(merged.details().phone()).isEqualTo("06 11 22 33 44");
        assertThat(merged.consent()).isEqualTo(new Consent(true, true, false, false));
        assertThat(merged.importantDates()).containsExactly(birthday);
        assertThat(merged.details().personalNotes()).isEqualTo("Décide des achats\n\nPréfère le matin");
        assertThat(merged.isPrimaryContact()).isTrue();
        // each row once at the survivor: the call and the deal both had are not counted twice; the merge's line
        // names the survivor (3 + 2 - 1 + 1 interactions)
        assertThat(counts(s).values()).containsExactly(5L, 2L, 1L, 1L, 1L, 1L, 1L);
        assertThat(counts(l).values()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(companyInteractions(c)).isEqualTo(companyInteractions + 1);
        assertThat(openNextSteps(c)).isEqualTo(openNextSteps);
        assertThat(jdbc.sql("""
                        select author_id from interaction where company_id = :c and event_type = 'PERSON_MERGED'
                        """).param("c", c).query(Long.class).single()).isEqualTo(manager.userId());

        merges.undo(mergeId, manager);

        // each person has their own history back, plus the undo's line (on both) and the merge's (on the survivor)
        assertThat(counts(s)).isEqualTo(plusInteractions(survivorBefore, 2));
        assertThat(counts(l)).isEqualTo(plusInteractions(loserBefore, 1));
        assertThat(companyInteractions(c)).isEqualTo(companyInteractions + 2);
        assertThat(clients.contact(s).details().phone()).isNull();
        assertThat(clients.contact(s).consent()).isEqualTo(new Consent(true, false, false, false));
        assertThat(clients.contact(s).importantDates()).isEmpty();
        assertThat(clients.contact(s).isPrimaryContact()).isFalse();
        Contact back = clients.contact(l);
        assertThat(back.isPrimaryContact()).isTrue();
        assertThat(back.importantDates()).containsExactly(birthday);
        assertThat(back.details().email()).isEqualTo("anne.martin@" + tag + ".fr");
        assertThat(back.companyId()).isEqualTo(c);
        assertThat(merges.survivorOf(l)).isEmpty();
        assertThatThrownBy(() -> merges.undo(mergeId, manager)).hasMessageContaining(MergeService.ALREADY_UNDONE);
    }

    @Test
    void aConsentTakenFromTheOtherRecordIsInTheConsentHistoryAndSoIsItsUndo() {
        String tag = TestData.unique("consent");
        long c = company(tag + " Menuiserie");
        long l = clients.addContact(c, person("Paul", "Roux", "paul.roux@" + tag + ".fr", "06 55 44 33 22",
                new Consent(false, true, false, true), List.of(), null)).id();
        long s = clients.addContact(c, person("Paul", "Roux", "p.roux@" + tag + ".fr", null,
                new Consent(true, false, false, false), List.of(), null)).id();
        // each record's history: the consents given at its creation
        assertThat(consentHistory(s)).containsExactly("EMAIL true FORM");
        assertThat(consentHistory(l)).containsExactly("PHONE true FORM", "LETTER true FORM");

        // the user takes the loser's phone consent, not its letter one: one row, the merge's, by who merged
        long mergeId = merges.merge(s, clients.contact(s).version(), l, clients.contact(l).version(),
                Set.of(PersonField.CONSENT_PHONE), manager);
        assertThat(clients.contact(s).consent()).isEqualTo(new Consent(true, true, false, false));
        // the loser's own rows (written first) are the survivor's now, and the merge's row comes last
        assertThat(consentHistory(s)).containsExactly("PHONE true FORM", "LETTER true FORM", "EMAIL true FORM",
                "PHONE true MERGE");
        assertThat(jdbc.sql("""
                        select recorded_by, recorded_by_name from consent_history
                         where contact_id = :s and source = 'MERGE'""").param("s", s)
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).single())
                .isEqualTo(manager.userId() + " " + jdbc.sql("select full_name from app_user where id = :u")
                        .param("u", manager.userId()).query(String.class).single());

        // the undo gives the survivor its refusal back, with a row saying so; the loser's rows go back to the loser
        merges.undo(mergeId, manager);
        assertThat(clients.contact(s).consent()).isEqualTo(new Consent(true, false, false, false));
        assertThat(consentHistory(s)).containsExactly("EMAIL true FORM", "PHONE true MERGE",
                "PHONE false MERGE_UNDONE");
        assertThat(consentHistory(l)).containsExactly("PHONE true FORM", "LETTER true FORM");
        assertThat(jdbc.sql("select recorded_by from consent_history where contact_id = :s and source = 'MERGE_UNDONE'")
                .param("s", s).query(Long.class).single()).isEqualTo(manager.userId());
    }

    /** A person's consent history, oldest first: "CHANNEL granted SOURCE". */
    private List<String> consentHistory(long contactId) {
        return jdbc.sql("""
                        select channel || ' ' || granted || ' ' || source from consent_history
                         where contact_id = :k order by id""")
                .param("k", contactId).query(String.class).list();
    }

    @Test
    void onlyTwoRecordsOfOnePersonInOneCompanyMergeAsTheUserSawThemAndByWhoMayMerge() {
        String tag = TestData.unique("Refus");
        long c = company(tag + " A");
        long other = company(tag + " B");
        long a = clients.addContact(c, TestData.person("Paul", "Durand", null)).id();
        long b = clients.addContact(c, TestData.person("Paul", "Durant", null)).id();
        long elsewhere = clients.addContact(other, TestData.person("Paul", "Durand", null)).id();
        long av = clients.contact(a).version();
        long bv = clients.contact(b).version();
        assertThatThrownBy(() -> merges.merge(a, av, a, av, Set.of(), manager))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.broken().getFirst().code())
                        .isEqualTo(PersonMergeService.SAME_PERSON));
        assertThatThrownBy(() -> merges.merge(a, av, elsewhere, clients.contact(elsewhere).version(), Set.of(), manager))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.broken().getFirst().code())
                        .isEqualTo(PersonMergeService.OTHER_COMPANY));
        assertThatThrownBy(() -> merges.merge(a, av, b, bv, Set.of(), rep)).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> merges.merge(a, av, b, bv + 1, Set.of(), manager))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> merges.merge(a, av + 1, b, bv, Set.of(), manager))
                .isInstanceOf(StaleEditException.class);
        assertThat(clients.contact(b).details().lastName()).isEqualTo("Durant");
        assertThat(merges.survivorOf(b)).isEmpty();
    }

    @Test
    void possibleDuplicatePeopleAreFoundInsideEachCompanyByEmailPhoneAndNameAndCanBeDismissed() {
        String tag = TestData.unique("Paire").replace("-", "");
        long c = company(tag + " Boulangerie");
        long other = company(tag + " Autre");
        long byEmail1 = clients.addContact(c, person("Léa", "Roux" + tag, "LEA@" + tag + ".fr", null, null, null, null)).id();
        long byEmail2 = clients.addContact(c, person("Marie", "Blanc" + tag, "lea@" + tag + ".fr", null, null, null, null)).id();
        long byPhone1 = clients.addContact(c, person("Jean", "Petit" + tag, null, "04 72 00 11 22", null, null, null)).id();
        long byPhone2 = clients.addContact(c, person("Luc", "Grand" + tag, null, "+33 4 72 00 11 22", null, null, null)).id();
        long byName1 = clients.addContact(c, person("Hélène", "Dupont" + tag, null, null, null, null, null)).id();
        long byName2 = clients.addContact(c, person("helene", "DUPONT" + tag, null, null, null, null, null)).id();
        // the same person at another company: not a pair (they could not be merged)
        long elsewhere = clients.addContact(other, person("Hélène", "Dupont" + tag, null, null, null, null, null)).id();

        duplicates.refresh(manager);
        Map<String, String> pairs = new LinkedHashMap<>();
        var after = (org.relationcrm.quality.PairCursor) null;
        do {
            var page = duplicates.peoplePage(after, manager);
            page.rows().forEach(p -> pairs.put(p.firstId() + "-" + p.secondId(), p.score() + " " + p.reasons()));
            after = page.next();
        } while (after != null);
        assertThat(pairs).containsEntry(byEmail1 + "-" + byEmail2, "70 [EMAIL]")
                .containsEntry(byPhone1 + "-" + byPhone2, "40 [PHONE]")
                .containsEntry(byName1 + "-" + byName2, "50 [SAME_NAME]");
        assertThat(pairs.keySet()).noneMatch(k -> k.contains(Long.toString(elsewhere)));

        duplicates.dismissPeople(byName2, byName1, manager);
        duplicates.refresh(manager);
        assertThat(duplicates.peoplePage(null, manager).rows())
                .noneMatch(p -> p.firstId() == byName1 && p.secondId() == byName2);
        assertThatThrownBy(() -> duplicates.peoplePage(null, rep)).isInstanceOf(ForbiddenActionException.class);
    }

    // --- history, written as each feature stores it ---

    private void call(long companyId, Set<Long> people, String subject) {
        interactions.log(new LogInteraction(companyId, people, Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(Duration.ofDays(2)), subject, "Résumé", null, null, null, null), rep);
    }

    private long opportunity(long companyId, String title) {
        return jdbc.sql("""
                        insert into opportunity (company_id, title, amount, stage, probability, expected_close_on, owner_id,
                                                 created_at, stage_entered_at, last_activity_at)
                        values (:c, :t, 1000, 'QUALIFIED', 30, current_date + 30, :u, now(), now(), now()) returning id
                        """).param("c", companyId).param("t", title).param("u", rep.userId()).query(Long.class).single();
    }

    private void link(String table, String key, long id, long contactId) {
        jdbc.sql("insert into " + table + " (" + key + ", contact_id) values (:id, :k)").param("id", id)
                .param("k", contactId).update();
    }

    // --- what each person holds, counted table by table ---

    private static final List<String> COUNTED = List.of("interaction_contact", "opportunity_contact",
            "meeting_prep_contact", "complaint", "survey", "won_deal", "customer_order");

    private Map<String, Long> counts(long contactId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, jdbc.sql("select count(*) from " + table + " where contact_id = :k")
                    .param("k", contactId).query(Long.class).single());
        }
        return counts;
    }

    private static Map<String, Long> plusInteractions(Map<String, Long> counts, long more) {
        Map<String, Long> copy = new LinkedHashMap<>(counts);
        copy.put("interaction_contact", counts.get("interaction_contact") + more);
        return copy;
    }

    private long companyInteractions(long companyId) {
        return jdbc.sql("select count(*) from interaction where company_id = :c").param("c", companyId)
                .query(Long.class).single();
    }

    private long openNextSteps(long companyId) {
        return jdbc.sql("""
                        select count(*) from interaction where company_id = :c and next_step is not null
                           and next_step_done_at is null
                        """).param("c", companyId).query(Long.class).single();
    }
}
