package org.relationcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * One small generation into the database the other tests share: every assertion looks only at the rows of the
 * reported id ranges, or at counts taken before and after.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataGeneratorTests {

    static final int COMPANIES = 50;
    static final int CONTACTS = 150;
    static final int INTERACTIONS = 3_000;
    static final List<String> TABLES = List.of("company", "contact", "interaction");

    @Autowired
    DemoDataGenerator generator;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    Actor sales;
    Actor support;
    GenerationReport report;
    Map<String, Long> before;
    Map<String, Long> after;

    @BeforeAll
    void generateOnce() {
        sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        support = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        Actor adv = TestData.user(users, Role.ADV, Department.ADV).asActor();
        before = counts();
        report = generator.generate(new GenerationPlan(COMPANIES, CONTACTS, INTERACTIONS, 7, List.of(
                new GenerationPlan.Staff(sales.userId(), sales.department()),
                new GenerationPlan.Staff(support.userId(), support.department()),
                new GenerationPlan.Staff(adv.userId(), adv.department()))));
        after = counts();
    }

    @Test
    void generationInsertsExactlyThePlannedRows() {
        assertThat(after.get("company") - before.get("company")).isEqualTo(COMPANIES);
        assertThat(after.get("contact") - before.get("contact")).isEqualTo(CONTACTS);
        assertThat(after.get("interaction") - before.get("interaction")).isEqualTo(INTERACTIONS);
        assertThat(report.rows("company")).isEqualTo(COMPANIES);
        assertThat(report.rows("contact")).isEqualTo(CONTACTS);
        assertThat(report.rows("interaction")).isEqualTo(INTERACTIONS);
        assertThat(count("select count(*) from company where id between ? and ?", report.companyIds()))
                .isEqualTo(COMPANIES);
        assertThat(count("select count(*) from interaction where id between ? and ?", report.interactionIds()))
                .isEqualTo(INTERACTIONS);
    }

    @Test
    void generatedInteractionsNeverLieInTheFuture() {
        assertThat(count("""
                select count(*) from interaction where id between ? and ?
                and (occurred_at > now() or occurred_at <= now() - interval '3 years' or logged_at <> occurred_at)""",
                report.interactionIds())).isZero();
    }

    @Test
    void aPersonsTimelineRowCarriesTheDateOfItsInteraction() {
        assertThat(count("select count(*) from interaction_contact where interaction_id between ? and ?",
                report.interactionIds())).isGreaterThan(INTERACTIONS / 2);
        assertThat(count("""
                select count(*) from interaction_contact ic join interaction i on i.id = ic.interaction_id
                where i.id between ? and ? and ic.occurred_at <> i.occurred_at""", report.interactionIds())).isZero();
    }

    @Test
    void theListsKnowTheLastExchangeOfEveryGeneratedClient() {
        assertThat(count("""
                select count(*) from company c
                left join company_last_exchange s on s.company_id = c.id
                where c.id between ? and ?
                and s.last_at is distinct from (select max(i.occurred_at) from interaction i
                                                where i.company_id = c.id and i.kind = 'EXCHANGE')""",
                report.companyIds())).isZero();
        assertThat(count("""
                select count(*) from contact k
                left join contact_last_exchange s on s.contact_id = k.id
                where k.id between ? and ? and k.company_id is null
                and s.last_at is distinct from (select max(ic.occurred_at) from interaction_contact ic
                                                join interaction i on i.id = ic.interaction_id and i.kind = 'EXCHANGE'
                                                where ic.contact_id = k.id)""", report.contactIds())).isZero();
        assertThat(count("select count(*) from company_last_exchange where company_id between ? and ?",
                report.companyIds())).isPositive();
        // and each company's first exchange (V86), the oldest by date then id
        assertThat(count("""
                select count(*) from company c
                left join company_first_exchange f on f.company_id = c.id
                where c.id between ? and ?
                and f.interaction_id is distinct from (select i.id from interaction i
                                                       where i.company_id = c.id and i.kind = 'EXCHANGE'
                                                       order by i.occurred_at, i.id limit 1)""",
                report.companyIds())).isZero();
        // and each company's timeline count (V36) is its number of interactions
        assertThat(count("""
                select count(*) from company c
                left join company_timeline_count t on t.company_id = c.id
                where c.id between ? and ?
                and coalesce(t.entries, 0) <> (select count(*) from interaction i where i.company_id = c.id)""",
                report.companyIds())).isZero();
        // each company's main contact (V90): primary first, else the oldest; no row for a company without people
        assertThat(count("""
                select count(*) from company c
                left join company_main_contact m on m.company_id = c.id
                left join lateral (select k.email is not null e, k.phone is not null or k.mobile is not null p,
                                          k.preferred_channel is not null ch
                                     from contact k where k.company_id = c.id
                                    order by k.primary_contact desc, k.id limit 1) k on true
                where c.id between ? and ?
                and (m.has_email, m.has_phone, m.has_channel) is distinct from (k.e, k.p, k.ch)""",
                report.companyIds())).isZero();
        assertThat(count("select count(*) from company_main_contact where company_id between ? and ?",
                report.companyIds())).isPositive();
        // the people of a company are not rows of the clients list
        assertThat(count("""
                select count(*) from contact_last_exchange s join contact k on k.id = s.contact_id
                where k.id between ? and ? and k.company_id is not null""", report.contactIds())).isZero();
    }

    @Test
    void everyPersonOnAnInteractionBelongsToItsClient() {
        assertThat(count("""
                select count(*) from interaction_contact ic
                join interaction i on i.id = ic.interaction_id
                join contact k on k.id = ic.contact_id
                where i.id between ? and ? and i.company_id is distinct from k.company_id""", report.interactionIds()))
                .isZero();
        assertThat(count("""
                select count(*) from interaction i where i.id between ? and ? and i.company_id is null
                and not exists (select 1 from interaction_contact ic where ic.interaction_id = i.id)""",
                report.interactionIds())).isZero();
    }

    @Test
    void nextStepsAreNeverDueBeforeTheInteractionNorDoneBeforeIt() {
        assertThat(count("""
                select count(*) from interaction where id between ? and ?
                and (next_step_due < occurred_at::date
                     or next_step_done_at < occurred_at or next_step_done_at > now()
                     or (next_step_done_at is null) <> (next_step_done_by is null)
                     or (next_step is null) <> (next_step_assignee_id is null)
                     or (next_step is null and next_step_done_at is not null))""", report.interactionIds())).isZero();
        assertThat(count("""
                select count(*) from interaction where id between ? and ? and next_step_assignee_id <> author_id""",
                report.interactionIds())).as("some next steps are handed to a colleague").isPositive();
        long withNextStep = count("select count(*) from interaction where id between ? and ? and next_step is not null",
                report.interactionIds());
        assertThat(withNextStep).isBetween(INTERACTIONS / 5L, INTERACTIONS * 2 / 5L);
    }

    @Test
    void aFewLargeAccountsHaveFarMoreHistoryThanTheTypicalClient() {
        List<Long> perCompany = jdbc.sql("""
                        select count(i.id) from company c left join interaction i on i.company_id = c.id
                        where c.id between ? and ? group by c.id order by 1""")
                .params(report.companyIds().first(), report.companyIds().last()).query(Long.class).list();
        long median = perCompany.get(perCompany.size() / 2);
        long largest = perCompany.getLast();
        assertThat(largest).isGreaterThanOrEqualTo(3 * Math.max(1, median));
    }

    @Test
    void authorsSignWithTheirDepartment() {
        assertThat(count("""
                select count(*) from interaction i join app_user u on u.id = i.author_id
                where i.id between ? and ? and u.department <> i.author_department""", report.interactionIds()))
                .isZero();
    }

    @Test
    void everyCompanyWithPeopleHasOnePrimaryContactAndAboutThreePercentArePrivateCustomers() {
        assertThat(count("""
                select count(*) from (select company_id from contact where id between ? and ? and company_id is not null
                                      group by company_id having count(*) filter (where primary_contact) <> 1) x""",
                report.contactIds())).isZero();
        assertThat(count("select count(*) from contact where id between ? and ? and company_id is null",
                report.contactIds())).isEqualTo(Math.round(CONTACTS * 0.03));
    }

    @Test
    void generatedRowsLoadThroughTheApplicationServices() {
        long bigAccount = report.companyIds().first();
        Company company = clients.company(bigAccount);
        assertThat(company.name()).isNotBlank();
        assertThat(company.ownerId()).isEqualTo(sales.userId());

        long withDate = jdbc.sql("""
                        select contact_id from contact_important_date where contact_id between ? and ?
                        order by contact_id limit 1""")
                .params(report.contactIds().first(), report.contactIds().last()).query(Long.class).optional()
                .orElse(report.contactIds().first());
        Contact person = clients.contact(withDate);
        assertThat(person.fullName()).isNotBlank();

        Interaction first = interactions.get(report.interactionIds().first());
        assertThat(first.subject()).isNotBlank();

        Slice<TimelineEntry, ?> page = interactions.timeline(TimelineScope.company(bigAccount), TimelineFilter.none(), null);
        assertThat(page.rows()).hasSize(InteractionService.PAGE_SIZE);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.rows()).allSatisfy(e -> assertThat(e.companyId()).isEqualTo(bigAccount));
    }

    @Test
    void theApplicationKeepsCreatingRowsAfterAGeneration() {
        Company company = clients.createCompany(TestData.company(TestData.unique("After generation"), sales.userId()), sales);
        assertThat(company.id()).isGreaterThan(report.companyIds().last());

        Contact person = clients.addContact(company.id(), TestData.person("Hélène", "Lefèvre", null));
        assertThat(person.id()).isGreaterThan(report.contactIds().last());

        Interaction logged = interactions.log(new LogInteraction(company.id(), Set.of(person.id()), Channel.PHONE,
                Direction.OUTBOUND, java.time.Instant.now(), "Premier appel", null, null, null, null, null), support);
        assertThat(logged.id()).isGreaterThan(report.interactionIds().last());
    }

    @Test
    void pooledConnectionsCheckForeignKeysAgainAfterTheLoad() throws Exception {
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Connection connection = dataSource.getConnection();
                borrowed.add(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("show session_replication_role")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("origin");
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    private Map<String, Long> counts() {
        return Map.of("company", total("company"), "contact", total("contact"), "interaction", total("interaction"));
    }

    private long total(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long count(String sql, GenerationReport.IdRange range) {
        return jdbc.sql(sql).params(range.first(), range.last()).query(Long.class).single();
    }
}
