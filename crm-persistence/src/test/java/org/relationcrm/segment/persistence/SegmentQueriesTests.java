package org.relationcrm.segment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.segment.ChurnBand;
import org.relationcrm.segment.ClientCursor;
import org.relationcrm.segment.ConsentChannel;
import org.relationcrm.segment.Held;
import org.relationcrm.segment.NpsCategory;
import org.relationcrm.segment.SegmentClient;
import org.relationcrm.segment.SegmentCount;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentPerson;
import org.relationcrm.segment.SegmentQueries;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Each criterion of a segment against clients built by hand for one fresh owner (the segment keeps that owner, so the
 * rest of the shared test database does not count): the clients expected are listed by name.
 */
@SpringBootTest
class SegmentQueriesTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired SegmentQueries queries;
    @Autowired UserService users;
    @Autowired InteractionService interactions;
    @Autowired JdbcClient jdbc;
    @Autowired org.relationcrm.segment.SegmentService segments;
    @Autowired ClientRecordService records;

    Actor owner;
    LocalDate today;

    @BeforeEach
    void setUp() {
        owner = TestData.user(users, Role.SALES, Department.SALES).asActor();
        today = LocalDate.now(clock);
    }

    /** A company of the owner, created {@code daysAgo} days ago; the rest of its row as {@code extra} sets it. */
    private long company(String name, CompanyStatus status, long daysAgo, Map<String, Object> extra) {
        long id = jdbc.sql("""
                        insert into company (name, status, owner_id, created_at, sector, size, city, postal_code,
                                             legal_id, website)
                        values (:name, :status, :owner, :created, :sector, :size, :city, :postal, :legal, :web)
                        returning id""")
                .param("name", name).param("status", status.name()).param("owner", owner.userId())
                .param("created", Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo))))
                .param("sector", extra.get("sector")).param("size", extra.get("size"))
                .param("city", extra.get("city")).param("postal", extra.get("postal"))
                .param("legal", extra.get("legal")).param("web", extra.get("web"))
                .query(Long.class).single();
        return id;
    }

    private long company(String name) {
        return company(name, CompanyStatus.CUSTOMER, 0, Map.of());
    }

    private long person(long companyId, String last, boolean consentEmail, boolean consentPhone, String language) {
        return jdbc.sql("""
                        insert into contact (company_id, civility, first_name, last_name, email, phone, language,
                                             consent_email, consent_phone, created_at, primary_contact)
                        values (:company, 'MRS', 'Anne', :last, :email, '0612345678', :language, :ce, :cp, now(), true)
                        returning id""")
                .param("company", companyId).param("last", last).param("email", last.toLowerCase() + "@example.org")
                .param("language", language).param("ce", consentEmail).param("cp", consentPhone)
                .query(Long.class).single();
    }

    private List<String> kept(UnaryOperator<Criteria> criteria) {
        SegmentCriteria built = criteria.apply(new Criteria(owner.userId())).build();
        List<String> names = new ArrayList<>();
        ClientCursor after = null;
        do {
            Slice<SegmentClient, ClientCursor> page = queries.clients(built, today, after, 2);
            page.rows().forEach(r -> names.add(r.name()));
            after = page.next();
        } while (after != null);
        SegmentCount count = queries.count(built, today);
        assertThat(count.companies()).as("count agrees with the list").isEqualTo(names.size());
        // the people too, whichever shape the count takes (a CTE when a criterion adds up or scores rows)
        assertThat(count.people()).as("people count agrees with the people list")
                .isEqualTo(queries.people(built, today, 1_000).size());
        return names;
    }

    @Test
    void statusSectorSizeCityAndPostalCodeKeepTheirClients() {
        company("Alpha", CompanyStatus.CUSTOMER, 0, Map.of("sector", "Métallurgie", "size", "SMALL", "city", "Lyon",
                "postal", "69003"));
        company("Bravo", CompanyStatus.PROSPECT, 0, Map.of("sector", "metallurgie", "size", "LARGE", "city", "LYON",
                "postal", "69100"));
        company("Charlie", CompanyStatus.CUSTOMER, 0, Map.of("sector", "Textile", "size", "SMALL", "city", "Annecy",
                "postal", "74000"));

        assertThat(kept(c -> c)).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(kept(c -> c.status(CompanyStatus.CUSTOMER))).containsExactly("Alpha", "Charlie");
        assertThat(kept(c -> c.sector("METALLURGIE"))).containsExactly("Alpha", "Bravo");
        assertThat(kept(c -> c.size(CompanySize.SMALL))).containsExactly("Alpha", "Charlie");
        assertThat(kept(c -> c.city("lyon"))).containsExactly("Alpha", "Bravo");
        assertThat(kept(c -> c.postalPrefix("69"))).containsExactly("Alpha", "Bravo");
        assertThat(kept(c -> c.postalPrefix("691"))).containsExactly("Bravo");
        assertThat(kept(c -> c.postalPrefix("%"))).isEmpty();
        assertThat(kept(c -> c.sector("' or true --"))).isEmpty();
    }

    @Test
    void productLinesHeldOrNotHeld() {
        long maintenance = jdbc.sql("insert into product_line (code, name) values (:code, 'Maintenance') returning id")
                .param("code", TestData.unique("MAINT")).query(Long.class).single();
        long alpha = company("Alpha");
        company("Bravo");
        jdbc.sql("""
                insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                values (:company, :line, 'MANUAL', current_date, :user)""")
                .param("company", alpha).param("line", maintenance).param("user", owner.userId()).update();

        assertThat(kept(c -> c.line(maintenance, Held.HELD))).containsExactly("Alpha");
        assertThat(kept(c -> c.line(maintenance, Held.NOT_HELD))).containsExactly("Bravo");
    }

    @Test
    void lastInteractionOlderOrNewerThanSomeDays() {
        long alpha = company("Alpha", CompanyStatus.CUSTOMER, 400, Map.of());
        long bravo = company("Bravo", CompanyStatus.CUSTOMER, 400, Map.of());
        company("Charlie (never)", CompanyStatus.CUSTOMER, 400, Map.of());
        call(alpha, Duration.ofDays(70));
        call(bravo, Duration.ofDays(70));
        call(bravo, Duration.ofDays(10));

        assertThat(kept(c -> c.silentDays(60))).containsExactly("Alpha", "Charlie (never)");
        assertThat(kept(c -> c.activeDays(30))).containsExactly("Bravo");
        assertThat(kept(c -> c.activeDays(80))).containsExactly("Alpha", "Bravo");
    }

    private void call(long companyId, Duration ago) {
        interactions.log(new LogInteraction(companyId, null, Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(ago), "Appel", null, null, null, null, null), owner);
    }

    @Test
    void npsCategoryFromTheLastAnswerOnly() {
        long alpha = company("Alpha");
        long bravo = company("Bravo");
        long charlie = company("Charlie");
        company("Delta (no answer)");
        answer(alpha, 3, Duration.ofDays(100));
        answer(alpha, 10, Duration.ofDays(5)); // the last one counts: promoter
        answer(bravo, 10, Duration.ofDays(100));
        answer(bravo, 6, Duration.ofDays(5));
        answer(charlie, 8, Duration.ofDays(1));

        assertThat(kept(c -> c.nps(NpsCategory.PROMOTER))).containsExactly("Alpha");
        assertThat(kept(c -> c.nps(NpsCategory.DETRACTOR))).containsExactly("Bravo");
        assertThat(kept(c -> c.nps(NpsCategory.PASSIVE))).containsExactly("Charlie");
    }

    private void answer(long companyId, int score, Duration ago) {
        long contact = person(companyId, TestData.unique("Nps"), true, true, "fr");
        Timestamp when = Timestamp.from(Instant.now().minus(ago));
        jdbc.sql("""
                insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by, created_at,
                                    sent_at, answered_at, score)
                values ('NPS', :company, :contact, 'MANUAL', :token, 'fr', :user, :at, :at, :at, :score)""")
                .param("company", companyId).param("contact", contact).param("token", TestData.unique("t"))
                .param("user", owner.userId()).param("at", when).param("score", score).update();
    }

    private void complaint(long companyId, String status, Duration dueIn) {
        jdbc.sql("""
                insert into complaint (company_id, channel, category, severity, description, subject, owner_id, status,
                                       opened_at, opened_by, first_response_due, resolution_due)
                values (:company, 'PHONE', 'PRODUCT', 'LOW', 'Panne', 'Panne', :user, :status, now(), :user,
                        now() + interval '1 day', :due)""")
                .param("company", companyId).param("user", owner.userId()).param("status", status)
                .param("due", Timestamp.from(Instant.now().plus(dueIn))).update();
    }

    @Test
    void openComplaintsYesOrNo() {
        long alpha = company("Alpha");
        long bravo = company("Bravo");
        company("Charlie");
        complaint(alpha, "IN_PROGRESS", Duration.ofDays(3));
        complaint(bravo, "CLOSED", Duration.ofDays(3));

        assertThat(kept(c -> c.openComplaints(true))).containsExactly("Alpha");
        assertThat(kept(c -> c.openComplaints(false))).containsExactly("Bravo", "Charlie");
    }

    @Test
    void churnBandFromTheComputedRisk() {
        // created today, no line added: 5 points (no breadth): low
        company("Alpha");
        // open complaint not due yet (10) + detractor (20) + no breadth (5) = 35: medium
        long bravo = company("Bravo");
        complaint(bravo, "OPEN", Duration.ofDays(3));
        answer(bravo, 2, Duration.ofDays(1));
        // never contacted for 100 days (25) + detractor (20) + open complaint (10) + no breadth (5) = 60: high
        long charlie = company("Charlie", CompanyStatus.CUSTOMER, 100, Map.of());
        complaint(charlie, "OPEN", Duration.ofDays(3));
        answer(charlie, 0, Duration.ofDays(1));
        // a prospect has no risk score
        company("Delta", CompanyStatus.PROSPECT, 100, Map.of());
        jdbc.sql("refresh materialized view concurrently churn_risk").update();

        assertThat(kept(c -> c.churn(ChurnBand.LOW))).containsExactly("Alpha");
        assertThat(kept(c -> c.churn(ChurnBand.MEDIUM))).containsExactly("Bravo");
        assertThat(kept(c -> c.churn(ChurnBand.HIGH))).containsExactly("Charlie");
    }

    @Test
    void orderAmountInAPeriodLeavesCancelledOrdersOut() {
        long alpha = company("Alpha");
        long bravo = company("Bravo");
        long charlie = company("Charlie");
        order(alpha, "6000.00", "DELIVERED", 20);
        order(bravo, "3000.00", "PAID", 20);
        order(bravo, "4000.00", "PAID", 200); // outside 90 days
        order(charlie, "9000.00", "CANCELLED", 20);

        assertThat(kept(c -> c.ordered("5000", 90))).containsExactly("Alpha");
        assertThat(kept(c -> c.ordered("5000", 365))).containsExactly("Alpha", "Bravo");
    }

    private void order(long companyId, String total, String status, int daysAgo) {
        jdbc.sql("""
                insert into customer_order (number, company_id, ordered_on, currency, payment_terms, promised_on, total,
                                            status, created_by, created_at, invoice_due_on, cancel_reason)
                values (:number, :company, :on, 'EUR', 'NET_30', :on, :total, :status, :user, now(), :on,
                        case when :status = 'CANCELLED' then 'CLIENT_REQUEST' end)""")
                .param("number", TestData.unique("CMD")).param("company", companyId)
                .param("on", today.minusDays(daysAgo)).param("total", new BigDecimal(total)).param("status", status)
                .param("user", owner.userId()).update();
    }

    @Test
    void consentAndLanguageChoosePeopleAndTheirClients() {
        long alpha = company("Alpha");
        long bravo = company("Bravo");
        long charlie = company("Charlie");
        person(alpha, "Phone", false, true, "fr");
        person(alpha, "Mail", true, false, "en");
        person(bravo, "Mail", true, false, "fr");
        person(charlie, "Nothing", false, false, "fr");

        assertThat(kept(c -> c.consent(ConsentChannel.PHONE))).containsExactly("Alpha");
        assertThat(kept(c -> c.consent(ConsentChannel.EMAIL))).containsExactly("Alpha", "Bravo");
        assertThat(kept(c -> c.language("EN"))).containsExactly("Alpha");

        SegmentCriteria byPhone = new Criteria(owner.userId()).consent(ConsentChannel.PHONE).build();
        assertThat(queries.people(byPhone, today, 10)).extracting(SegmentPerson::lastName).containsExactly("Phone");
        assertThat(queries.count(byPhone, today)).isEqualTo(new SegmentCount(1, 1));
        assertThat(queries.count(new Criteria(owner.userId()).build(), today)).isEqualTo(new SegmentCount(3, 4));
    }

    @Test
    void importantDateInTheNextDays() {
        long alpha = company("Alpha");
        long bravo = company("Bravo");
        long soon = person(alpha, "Soon", true, true, "fr");
        long later = person(bravo, "Later", true, true, "fr");
        date(soon, today.plusDays(5).minusYears(40));
        date(later, today.plusDays(60).minusYears(30));

        assertThat(kept(c -> c.importantDate(10))).containsExactly("Alpha");
        assertThat(kept(c -> c.importantDate(90))).containsExactly("Alpha", "Bravo");
    }

    private void date(long contactId, LocalDate date) {
        jdbc.sql("insert into contact_important_date (contact_id, position, label, the_date) values (:c, 0, 'Anniversaire', :d)")
                .param("c", contactId).param("d", date).update();
    }

    @Test
    void completenessBelowAThreshold() {
        // nothing but a name, created long ago: 100 - every weight = 0
        company("Alpha", CompanyStatus.CUSTOMER, 400, Map.of());
        // sector, city, SIREN, website, entered today, a main contact with email and phone but no preferred channel:
        // 100 - 10 (channel) = 90
        long bravo = company("Bravo", CompanyStatus.CUSTOMER, 0, Map.of("sector", "Textile", "city", "Lyon",
                "legal", "123456789", "web", "https://bravo.example"));
        person(bravo, "Main", true, true, "fr");

        assertThat(kept(c -> c.completenessBelow(50))).containsExactly("Alpha");
        assertThat(kept(c -> c.completenessBelow(91))).containsExactly("Alpha", "Bravo");
        assertThat(kept(c -> c.completenessBelow(90))).containsExactly("Alpha");
    }

    @Test
    void theIssuesSegmentWithoutMaintenanceSilentFor60DaysConsentByPhone() {
        long maintenance = jdbc.sql("insert into product_line (code, name) values (:code, 'Maintenance') returning id")
                .param("code", TestData.unique("MAINT")).query(Long.class).single();
        long kept = company("Kept", CompanyStatus.CUSTOMER, 400, Map.of());
        person(kept, "Callable", false, true, "fr");
        call(kept, Duration.ofDays(75));
        long holds = company("Holds maintenance", CompanyStatus.CUSTOMER, 400, Map.of());
        person(holds, "Callable", false, true, "fr");
        jdbc.sql("""
                insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                values (:company, :line, 'MANUAL', current_date, :user)""")
                .param("company", holds).param("line", maintenance).param("user", owner.userId()).update();
        long recent = company("Called lately", CompanyStatus.CUSTOMER, 400, Map.of());
        person(recent, "Callable", false, true, "fr");
        call(recent, Duration.ofDays(20));
        long noConsent = company("No phone consent", CompanyStatus.CUSTOMER, 400, Map.of());
        person(noConsent, "Mail only", true, false, "fr");

        assertThat(kept(c -> c.status(CompanyStatus.CUSTOMER).line(maintenance, Held.NOT_HELD).silentDays(60)
                .consent(ConsentChannel.PHONE))).containsExactly("Kept");
    }

    @Test
    void theClientsListFilteredByASegmentShowsItsClientsPageByPage() {
        long maintenance = jdbc.sql("insert into product_line (code, name) values (:code, 'Maintenance') returning id")
                .param("code", TestData.unique("MAINT")).query(Long.class).single();
        for (String name : List.of("Epsilon", "Alpha", "Delta", "Charlie", "Bravo")) {
            company(name);
        }
        long holds = company("Zulu holds it");
        jdbc.sql("""
                insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                values (:company, :line, 'MANUAL', current_date, :user)""")
                .param("company", holds).param("line", maintenance).param("user", owner.userId()).update();
        long segment = segments.create("Sans maintenance", false,
                new Criteria(owner.userId()).line(maintenance, Held.NOT_HELD).build(), owner).id();

        List<String> names = new ArrayList<>();
        org.relationcrm.shared.SortCursor after = null;
        do {
            var page = records.search(new ClientSearch(null, null, null, null, null, segment), after, 2).page();
            page.rows().forEach(r -> names.add(r.name()));
            after = page.next();
        } while (after != null);
        assertThat(names).containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Epsilon");

        // with the list's own filters and its text search
        assertThat(records.search(new ClientSearch("del", CompanyStatus.CUSTOMER, null, null, null, segment), null,
                10).page().rows()).extracting(r -> r.name()).containsExactly("Delta");
        // an unknown segment keeps nobody
        assertThat(records.search(new ClientSearch(null, null, null, null, null, -1L), null, 10).page().rows())
                .isEmpty();
    }

    @Test
    void theIssuesSegmentIsCountedWithoutReadingTheInteractionsAndOnIndexes() {
        SegmentCriteria criteria = new SegmentCriteria(CompanyStatus.CUSTOMER, null, null, null, null, null, 1L,
                Held.NOT_HELD, 60, null, null, null, null, null, null, ConsentChannel.PHONE, null, null, null);
        SegmentSql sql = new SegmentSql(criteria, today, Instant.now());
        String statement = "select count(*) from company c " + sql.joins() + " where " + sql.companies();
        String plan = String.join("\n", jdbc.sql("explain " + statement).params(sql.params())
                .query(String.class).list());

        // silence is read from company_last_exchange (one row per company), never from the 5 M interactions
        assertThat(plan).doesNotContainPattern("on interaction\\b").contains("company_last_exchange");
        // the held line by the primary key (company_id, product_line_id), the consent among the company's people
        assertThat(plan).contains("customer_product_line").contains("contact");
    }

    /** The criteria of a test, always limited to the test's owner. */
    static final class Criteria {
        private final long ownerId;
        private CompanyStatus status;
        private String sector;
        private CompanySize size;
        private String city;
        private String postalPrefix;
        private Long productLineId;
        private Held held;
        private Integer silentDays;
        private Integer activeDays;
        private NpsCategory nps;
        private Boolean openComplaints;
        private ChurnBand churn;
        private BigDecimal orderedAtLeast;
        private Integer orderedWithinDays;
        private ConsentChannel consent;
        private String language;
        private Integer importantDate;
        private Integer completenessBelow;

        Criteria(long ownerId) {
            this.ownerId = ownerId;
        }

        Criteria status(CompanyStatus v) { status = v; return this; }
        Criteria sector(String v) { sector = v; return this; }
        Criteria size(CompanySize v) { size = v; return this; }
        Criteria city(String v) { city = v; return this; }
        Criteria postalPrefix(String v) { postalPrefix = v; return this; }
        Criteria line(long id, Held h) { productLineId = id; held = h; return this; }
        Criteria silentDays(int v) { silentDays = v; return this; }
        Criteria activeDays(int v) { activeDays = v; return this; }
        Criteria nps(NpsCategory v) { nps = v; return this; }
        Criteria openComplaints(boolean v) { openComplaints = v; return this; }
        Criteria churn(ChurnBand v) { churn = v; return this; }
        Criteria ordered(String amount, int days) { orderedAtLeast = new BigDecimal(amount); orderedWithinDays = days; return this; }
        Criteria consent(ConsentChannel v) { consent = v; return this; }
        Criteria language(String v) { language = v; return this; }
        Criteria importantDate(int v) { importantDate = v; return this; }
        Criteria completenessBelow(int v) { completenessBelow = v; return this; }

        SegmentCriteria build() {
            return new SegmentCriteria(status, sector, size, city, postalPrefix, ownerId, productLineId, held,
                    silentDays, activeDays, nps, openComplaints, churn, orderedAtLeast, orderedWithinDays, consent,
                    language, importantDate, completenessBelow);
        }
    }
}
