package org.relationcrm.quality.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.DuplicateReason;
import org.relationcrm.client.SirenTakenException;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.quality.MergeField;
import org.relationcrm.quality.MergeService;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Merging two companies with history in every feature: nothing is lost, nothing is counted twice, the loser's id
 * leads to the survivor, and the undo gives each company back exactly what it had.
 */
@SpringBootTest
class MergeTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired InteractionService interactions;
    @Autowired MergeService merges;
    @Autowired JdbcClient jdbc;

    Actor rep;
    Actor manager;

    @BeforeEach
    void setUp() {
        rep = TestData.user(users, Role.SALES, Department.SALES).asActor();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
    }

    static String newSiren() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    private Company company(String name, String legalId, String phone) {
        return clients.createCompany(new CompanyDetails(name, legalId, "Boulangerie", null, null, null, "Lyon",
                "France", null, phone, CompanyStatus.CUSTOMER, rep.userId(), null), rep);
    }

    @Test
    void everyForeignKeyToACompanyIsHandledByTheMerge() {
        List<String> referencing = jdbc.sql("""
                        select distinct conrelid::regclass::text from pg_constraint
                         where contype = 'f' and confrelid = 'company'::regclass
                        """).query(String.class).list();
        Set<String> handled = new HashSet<>(SqlMergeStore.MOVED_BY_ID.keySet());
        handled.addAll(SqlMergeStore.HANDLED_APART);
        handled.addAll(SqlMergeStore.CASCADED);
        assertThat(handled)
                .as("a table pointing at company must be moved by SqlMergeStore (and moved back by its undo)")
                .containsAll(referencing);
    }

    @Test
    void mergeKeepsEveryHistoryOnceAndUndoGivesEachCompanyItsOwnBack() {
        String tag = TestData.unique("Fusion");
        String survivorSiren = newSiren();
        String loserSiren = newSiren();
        Company survivor = company(tag + " Boulangerie Martin", survivorSiren, null);
        Company loser = company(tag + " Boulangerie Martin SARL", loserSiren, "04 78 00 00 01");
        long s = survivor.id();
        long l = loser.id();
        long lineBoth = productLine(tag + "-A");
        long lineLoser = productLine(tag + "-B");

        // the survivor: 1 person, 2 calls, 1 deal, 1 complaint, 1 held line
        long sPerson = clients.addContact(s, TestData.person("Anne", "Martin", "anne@" + tag + ".fr")).id();
        call(s, "Appel A1");
        call(s, "Appel A2");
        opportunity(s, "Fours A");
        complaint(s, null);
        hold(s, lineBoth);
        // the loser: 2 people, 3 calls, a deal won, a meeting, 2 complaints, a survey, an order, a request, 2 lines
        long lPrimary = clients.addContact(l, TestData.person("Bruno", "Martin", "bruno@" + tag + ".fr")).id();
        long lOther = clients.addContact(l, TestData.person("Chloé", "Martin", "chloe@" + tag + ".fr")).id();
        call(l, "Appel B1");
        call(l, "Appel B2");
        call(l, "Appel B3");
        long wonDeal = opportunity(l, "Fours B");
        wonDeal(l, wonDeal, lPrimary);
        meeting(l, wonDeal);
        complaint(l, lPrimary);
        complaint(l, null);
        survey(l, lOther);
        order(l, lPrimary, tag);
        request(l);
        hold(l, lineBoth);
        hold(l, lineLoser);

        Map<String, Long> survivorBefore = counts(s);
        Map<String, Long> loserBefore = counts(l);
        // hand-counted: what each company holds before the merge
        assertThat(survivorBefore).containsExactlyEntriesOf(expected(1, 2, 1, 0, 1, 0, 0, 0, 0, 1, 2, 1));
        assertThat(loserBefore).containsExactlyEntriesOf(expected(2, 3, 1, 1, 2, 1, 1, 1, 1, 2, 3, 1));
        Map<String, Long> pipelineBefore = pipelineRollup();

        long survivorVersion = clients.company(s).version();
        long mergeId = merges.merge(s, survivorVersion, l, clients.company(l).version(),
                Set.of(MergeField.LEGAL_ID, MergeField.PHONE), manager);

        // the loser is gone, its address leads to the survivor, which took its SIREN and phone
        assertThat(jdbc.sql("select count(*) from company where id = :l").param("l", l).query(Long.class).single())
                .isZero();
        assertThat(merges.survivorOf(l)).contains(s);
        CompanyDetails merged = clients.company(s).details();
        assertThat(merged.legalId()).isEqualTo(loserSiren);
        assertThat(merged.phone()).isEqualTo("04 78 00 00 01");
        assertThat(merged.name()).isEqualTo(tag + " Boulangerie Martin");
        // everything at the survivor, each once: 3 people (one primary), 2+3 calls and the merge's line (6), the held lines
        // without the twin (2, not 3), the timeline's count and last exchange kept right, the pipeline untouched
        assertThat(counts(s)).containsExactlyEntriesOf(expected(3, 6, 2, 1, 3, 1, 1, 1, 1, 2, 6, 1));
        assertThat(counts(l)).containsExactlyEntriesOf(expected(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(pipelineRollup()).isEqualTo(pipelineBefore);
        assertThat(events(s)).containsExactly("COMPANY_MERGED");
        assertThat(jdbc.sql("select author_id from interaction where company_id = :s and event_type = 'COMPANY_MERGED'")
                .param("s", s).query(Long.class).single()).isEqualTo(manager.userId());
        // a duplicate SIREN cannot come back meanwhile: the survivor holds it
        assertThatThrownBy(() -> company(tag + " Autre", loserSiren, null)).isInstanceOf(SirenTakenException.class);

        merges.undo(mergeId, manager);

        // each company has its own history back, plus one line saying the merge was undone
        Map<String, Long> survivorAfterUndo = new LinkedHashMap<>(survivorBefore);
        survivorAfterUndo.put("timeline_count", survivorBefore.get("timeline_count") + 2); // merge + undo lines
        Map<String, Long> loserAfterUndo = new LinkedHashMap<>(loserBefore);
        loserAfterUndo.put("timeline_count", loserBefore.get("timeline_count") + 1); // the undo line
        assertThat(counts(s)).containsExactlyEntriesOf(withInteractions(survivorAfterUndo, 2 + 2));
        assertThat(counts(l)).containsExactlyEntriesOf(withInteractions(loserAfterUndo, 3 + 1));
        assertThat(clients.company(s).details().legalId()).isEqualTo(survivorSiren);
        assertThat(clients.company(s).details().phone()).isNull();
        assertThat(clients.company(l).details().legalId()).isEqualTo(loserSiren);
        assertThat(clients.company(l).name()).isEqualTo(tag + " Boulangerie Martin SARL");
        assertThat(clients.contact(lPrimary).isPrimaryContact()).isTrue();
        assertThat(clients.contact(sPerson).isPrimaryContact()).isTrue();
        assertThat(merges.survivorOf(l)).isEmpty();
        assertThat(pipelineRollup()).isEqualTo(pipelineBefore);
        assertThatThrownBy(() -> merges.undo(mergeId, manager)).hasMessageContaining(MergeService.ALREADY_UNDONE);
    }

    @Test
    void aMergeIsMadeOnTheVersionsTheUserSawAndOnlyByWhoMayMerge() {
        String tag = TestData.unique("Version");
        Company a = company(tag + " A", null, null);
        Company b = company(tag + " B", null, null);
        long aVersion = clients.company(a.id()).version();
        long bVersion = clients.company(b.id()).version();
        assertThatThrownBy(() -> merges.merge(a.id(), aVersion, b.id(), bVersion, Set.of(), rep))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> merges.merge(a.id(), aVersion, b.id(), bVersion + 1, Set.of(), manager))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> merges.merge(a.id(), aVersion + 1, b.id(), bVersion, Set.of(), manager))
                .isInstanceOf(StaleEditException.class);
        // nothing happened
        assertThat(clients.company(b.id()).name()).isEqualTo(tag + " B");
        assertThat(merges.survivorOf(b.id())).isEmpty();
    }

    @Test
    void aSirenIsHeldByOneActiveCompanyEvenWhenTwoSaveAtOnce() {
        String siren = newSiren();
        Company first = company(TestData.unique("Siren"), siren, null);
        assertThatThrownBy(() -> company(TestData.unique("Siren"), siren + "00012", null))
                .isInstanceOfSatisfying(SirenTakenException.class, e -> assertThat(e.holderId()).isEqualTo(first.id()));
        // the check before saving missed it (another user saved at the same moment): the index refuses it
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into company (name, legal_id, status, owner_id, created_at)
                        values ('Course', :siret, 'PROSPECT', :owner, now())
                        """).param("siret", siren + "00027").param("owner", rep.userId()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining(Company.SIREN_UNIQUE_INDEX);
        assertThat(clients.sirenHolder(siren + "00027", null)).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(first.id()));
    }

    @Test
    void likelyDuplicatesBySirenPhoneAndSimilarNameInTheSameCity() {
        String tag = TestData.unique("Dup").replace("-", "");
        String siren = newSiren();
        Company bakery = company("Boulangerie " + tag + " Martin", siren, "04 72 11 22 33");
        var byName = clients.likelyDuplicates(new CompanyDetails("Boulangerie " + tag + " Martinn", null, null, null,
                null, null, "LYON", null, null, null, CompanyStatus.PROSPECT, rep.userId(), null), null);
        assertThat(byName).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo(bakery.id());
            assertThat(h.reasons()).containsExactly(DuplicateReason.NAME_CITY);
        });
        var elsewhere = clients.likelyDuplicates(new CompanyDetails("Boulangerie " + tag + " Martinn", null, null, null,
                null, null, "Paris", null, null, null, CompanyStatus.PROSPECT, rep.userId(), null), null);
        assertThat(elsewhere).noneMatch(h -> h.id() == bakery.id());
        var byPhone = clients.likelyDuplicates(new CompanyDetails("Tout autre nom", siren, null, null, null, null,
                "Paris", null, null, "+33 4 72 11 22 33", CompanyStatus.PROSPECT, rep.userId(), null), null);
        assertThat(byPhone).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo(bakery.id());
            assertThat(h.reasons()).containsExactly(DuplicateReason.SIREN, DuplicateReason.PHONE);
        });
        // editing the company itself: it is no duplicate of itself
        assertThat(clients.likelyDuplicates(bakery.details(), bakery.id())).noneMatch(h -> h.id() == bakery.id());
    }

    // --- history in every feature, written as each feature stores it ---

    private void call(long companyId, String subject) {
        interactions.log(new LogInteraction(companyId, null, Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(Duration.ofDays(2)), subject, "Résumé", null, null, null, null), rep);
    }

    private long productLine(String code) {
        return jdbc.sql("insert into product_line (code, name) values (:c, :c) returning id").param("c", code)
                .query(Long.class).single();
    }

    private void hold(long companyId, long lineId) {
        jdbc.sql("""
                        insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                        values (:c, :p, 'MANUAL', current_date, :u)
                        """).param("c", companyId).param("p", lineId).param("u", rep.userId()).update();
    }

    private long opportunity(long companyId, String title) {
        return jdbc.sql("""
                        insert into opportunity (company_id, title, amount, stage, probability, expected_close_on, owner_id,
                                                 next_step, next_step_due, created_at, stage_entered_at, last_activity_at)
                        values (:c, :t, 1000, 'QUALIFIED', 30, current_date + 30, :u, 'Rappeler', current_date + 3,
                                now(), now(), now()) returning id
                        """).param("c", companyId).param("t", title).param("u", rep.userId()).query(Long.class).single();
    }

    private void wonDeal(long companyId, long opportunityId, long contactId) {
        jdbc.sql("""
                        insert into won_deal (opportunity_id, company_id, contact_id, owner_id, amount, won_on)
                        values (:o, :c, :k, :u, 1000, current_date)
                        """).param("o", opportunityId).param("c", companyId).param("k", contactId)
                .param("u", rep.userId()).update();
    }

    private void meeting(long companyId, long opportunityId) {
        jdbc.sql("""
                        insert into meeting_prep (company_id, opportunity_id, title, meeting_at, author_id, created_at)
                        values (:c, :o, 'Rendez-vous', now() + interval '2 days', :u, now())
                        """).param("c", companyId).param("o", opportunityId).param("u", rep.userId()).update();
    }

    private void complaint(long companyId, Long contactId) {
        jdbc.sql("""
                        insert into complaint (company_id, contact_id, channel, category, severity, description, subject,
                                               owner_id, status, opened_at, opened_by, first_response_due, resolution_due)
                        values (:c, :k, 'PHONE', 'DELIVERY', 'HIGH', 'Livraison en retard', 'Retard', :u, 'OPEN', now(),
                                :u, now() + interval '1 day', now() + interval '5 days')
                        """).param("c", companyId).param("k", contactId).param("u", rep.userId()).update();
    }

    private void survey(long companyId, long contactId) {
        jdbc.sql("""
                        insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by,
                                            created_at, sent_at, answered_at, score)
                        values ('NPS', :c, :k, 'MANUAL', :t, 'fr', :u, now(), now(), now(), 9)
                        """).param("c", companyId).param("k", contactId).param("t", TestData.unique("tok"))
                .param("u", rep.userId()).update();
    }

    private void order(long companyId, long contactId, String tag) {
        jdbc.sql("""
                        insert into customer_order (number, company_id, contact_id, ordered_on, currency, payment_terms,
                                                    promised_on, total, status, created_by, created_at)
                        values (:n, :c, :k, current_date, 'EUR', 'NET_30', current_date + 10, 2500, 'RECEIVED', :u, now())
                        """).param("n", tag.substring(tag.length() - 8) + "-1").param("c", companyId)
                .param("k", contactId).param("u", rep.userId()).update();
    }

    private void request(long companyId) {
        jdbc.sql("""
                        insert into request (company_id, requester_id, from_department, to_department, kind, needed,
                                             status, created_at, target_hours, due_at)
                        values (:c, :u, 'SALES', 'ADV', 'QUESTION', 'Délai ?', 'NEW', now(), 8, now() + interval '1 day')
                        """).param("c", companyId).param("u", rep.userId()).update();
    }

    // --- what each company holds, counted table by table ---

    private static final List<String> COUNTED = List.of("contact", "interaction", "opportunity", "meeting_prep",
            "complaint", "survey", "won_deal", "customer_order", "request", "customer_product_line");

    private Map<String, Long> counts(long companyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, jdbc.sql("select count(*) from " + table + " where company_id = :c")
                    .param("c", companyId).query(Long.class).single());
        }
        counts.put("timeline_count", jdbc.sql("select coalesce(sum(entries), 0) from company_timeline_count where company_id = :c")
                .param("c", companyId).query(Long.class).single());
        counts.put("last_exchange", jdbc.sql("select count(*) from company_last_exchange where company_id = :c")
                .param("c", companyId).query(Long.class).single());
        return counts;
    }

    private static Map<String, Long> expected(long... values) {
        List<String> names = new ArrayList<>(COUNTED);
        names.add("timeline_count");
        names.add("last_exchange");
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }

    private static Map<String, Long> withInteractions(Map<String, Long> counts, long interactions) {
        Map<String, Long> copy = new LinkedHashMap<>(counts);
        copy.put("interaction", interactions);
        return copy;
    }

    private List<String> events(long companyId) {
        return jdbc.sql("select event_type from interaction where company_id = :c and kind = 'EVENT' order by id")
                .param("c", companyId).query(String.class).list();
    }

    private Map<String, Long> pipelineRollup() {
        Map<String, Long> rollup = new LinkedHashMap<>();
        jdbc.sql("select owner_id, sum(deals) deals from pipeline_open_rollup where owner_id = :u group by owner_id")
                .param("u", rep.userId())
                .query((rs, n) -> rollup.put("open-" + rs.getLong("owner_id"), rs.getLong("deals"))).list();
        return rollup;
    }

    @SuppressWarnings("unused")
    private static Timestamp ts(LocalDate day) {
        return Timestamp.valueOf(day.atStartOfDay());
    }
}
