package org.relationcrm.insight.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.insight.ChannelAcquisition;
import org.relationcrm.insight.ComplaintTimes;
import org.relationcrm.insight.DrillRow;
import org.relationcrm.insight.InsightDashboard;
import org.relationcrm.insight.InsightQueries;
import org.relationcrm.insight.InsightService;
import org.relationcrm.insight.Kpi;
import org.relationcrm.insight.KpiFilter;
import org.relationcrm.insight.Period;
import org.relationcrm.insight.PeriodKind;
import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentRepository;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Every KPI of the dashboard against values computed by hand on a small data set written in March 2019 (and
 * February for the comparison) for one rep's clients, through the triggers that keep the rollups.
 *
 * <pre>
 * companies  A B C customers since 2018; D customer, lost on 10 March; H customer, lost on 10 February;
 *            E prospect, customer on 15 March; F prospect; G created as a customer on 20 March
 * March      customers at start 4 (A B C D), lost 1 → churn 25 %, retention 75 %; prospects at start 2 (E F),
 *            won 1 → conversion 50 %; new customers 2 (E G)
 * February   customers at start 5 → churn 1/5 = 20 %
 * NPS        10 9 9 7 3 (8 sent): promoters 3, detractors 1 → (3 − 1) / 5 = 40
 * CSAT       5 4 2 (4 sent) → 11/3; CES 2 6 (2 sent) → 4; response rate (5+3+2)/(8+4+2) = 10/14
 * exchanges  6 phone with A, 2 emails with B, 3 with prospect F → 8 / 4 customers / 1 month = 2 (phone: 1.5)
 * deals      3 won, 1 lost → 75 %
 * orders     1 000 + 2 000 + 1 000 (a cancelled 5 000 left out) = 4 000 → 1 000 per customer-month;
 *            monthly churn 25 % → lifetime 4 months → LTV 4 000
 * costs      (May 2017, two customers created) 1 500 (trade show) + 500 (email) = 2 000 / 2 → CAC 1 000
 * complaints phone HIGH 10 h, 24 h, 2 h (first responses 1 h, 3 h, 0.5 h); email LOW 48 h (no response logged)
 *            phone HIGH mean 12 median 10; total mean 21 median 17; first response mean 1.5 median 1
 * reached    today's customers A B C E G; C had an exchange 10 days ago → 1/5
 * </pre>
 */
@SpringBootTest
class InsightKpisTests {

    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired InsightService insight;
    @Autowired InsightQueries queries;
    @Autowired SegmentRepository segments;

    long rep;
    Actor manager;
    long a, b, c, d, e, f, g, h;
    KpiFilter march;

    @BeforeEach
    void setUp() {
        rep = TestData.user(users, Role.SALES, Department.SALES).id();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        String since2018 = "2018-06-01T10:00:00Z";
        a = company("A", "CUSTOMER", since2018);
        b = company("B", "CUSTOMER", since2018);
        c = company("C", "CUSTOMER", since2018);
        d = company("D", "CUSTOMER", since2018);
        h = company("H", "CUSTOMER", since2018);
        e = company("E", "PROSPECT", since2018);
        f = company("F", "PROSPECT", since2018);
        g = company("G", "CUSTOMER", "2019-03-20T10:00:00Z");
        status(d, "FORMER_CUSTOMER", "2019-03-10T10:00:00Z");
        status(h, "FORMER_CUSTOMER", "2019-02-10T10:00:00Z");
        status(e, "CUSTOMER", "2019-03-15T10:00:00Z");
        long contact = jdbc.sql("""
                        insert into contact (company_id, civility, last_name, created_at) values (:c, 'MR', 'Martin', now())
                        returning id""").param("c", a).query(Long.class).single();
        int[] nps = {10, 9, 9, 7, 3};
        for (int score : nps) {
            survey(contact, "NPS", score);
        }
        for (int i = 0; i < 3; i++) {
            survey(contact, "NPS", null);
        }
        survey(contact, "CSAT", 5);
        survey(contact, "CSAT", 4);
        survey(contact, "CSAT", 2);
        survey(contact, "CSAT", null);
        survey(contact, "CES", 2);
        survey(contact, "CES", 6);
        for (int i = 0; i < 6; i++) {
            exchange(a, "PHONE", "2019-03-1" + i + "T10:00:00Z");
        }
        exchange(b, "EMAIL", "2019-03-05T10:00:00Z");
        exchange(b, "EMAIL", "2019-03-06T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            exchange(f, "PHONE", "2019-03-0" + (i + 1) + "T10:00:00Z");
        }
        jdbc.sql("""
                insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, logged_at)
                values (:c, 'PHONE', 'OUTBOUND', now() - interval '10 days', :rep, 'SALES', 'Appel', now())""")
                .param("c", c).param("rep", rep).update();
        deal(a, "WON");
        deal(b, "WON");
        deal(c, "WON");
        deal(a, "LOST");
        order(a, "1000", "PAID");
        order(b, "2000", "INVOICED");
        order(c, "1000", "CONFIRMED");
        order(c, "5000", "CANCELLED");
        complaint(a, "PHONE", "HIGH", "2019-03-01T08:00:00Z", "2019-03-01T09:00:00Z", "2019-03-01T18:00:00Z");
        complaint(a, "PHONE", "HIGH", "2019-03-02T08:00:00Z", "2019-03-02T11:00:00Z", "2019-03-03T08:00:00Z");
        complaint(b, "PHONE", "HIGH", "2019-03-04T08:00:00Z", "2019-03-04T08:30:00Z", "2019-03-04T10:00:00Z");
        complaint(b, "EMAIL", "LOW", "2019-03-05T08:00:00Z", null, "2019-03-07T08:00:00Z");
        march = new KpiFilter(Period.of(PeriodKind.MONTH, YearMonth.of(2019, 3)), rep, null, null);
    }

    @Test
    void everyFigureOfTheMonthMatchesTheHandComputedOne() {
        InsightDashboard dash = insight.dashboard(march, manager);

        assertThat(dash.current().atStart().customers()).isEqualTo(4);
        assertThat(dash.current().atStart().prospects()).isEqualTo(2);
        assertThat(value(dash, Kpi.CHURN_RATE)).isCloseTo(0.25, within(1e-9));
        assertThat(value(dash, Kpi.RETENTION_RATE)).isCloseTo(0.75, within(1e-9));
        assertThat(dash.figure(Kpi.CHURN_RATE).previous()).isCloseTo(0.20, within(1e-9));
        assertThat(value(dash, Kpi.CONVERSION_RATE)).isCloseTo(0.5, within(1e-9));
        assertThat(dash.current().facts().newCustomers()).isEqualTo(2);

        assertThat(dash.current().facts().promoters()).isEqualTo(3);
        assertThat(dash.current().facts().detractors()).isEqualTo(1);
        assertThat(value(dash, Kpi.NPS)).isCloseTo(40.0, within(1e-9));
        assertThat(value(dash, Kpi.CSAT)).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(value(dash, Kpi.CES)).isCloseTo(4.0, within(1e-9));
        assertThat(value(dash, Kpi.SURVEY_RESPONSE_RATE)).isCloseTo(10.0 / 14, within(1e-9));

        assertThat(value(dash, Kpi.INTERACTIONS_PER_CUSTOMER)).isCloseTo(2.0, within(1e-9));
        assertThat(value(dash, Kpi.REACHED_90_DAYS)).isCloseTo(0.2, within(1e-9));
        assertThat(value(dash, Kpi.WIN_RATE)).isCloseTo(0.75, within(1e-9));
        assertThat(dash.current().revenue()).isEqualByComparingTo("4000");
        assertThat(value(dash, Kpi.LTV)).isCloseTo(4000.0, within(1e-6));

        assertThat(value(dash, Kpi.RESOLUTION_TIME)).isCloseTo(21.0, within(1e-9));
        assertThat(value(dash, Kpi.FIRST_RESPONSE_TIME)).isCloseTo(1.5, within(1e-9));
        ComplaintTimes phoneHigh = dash.complaints().stream()
                .filter(t -> t.channel() == Channel.PHONE && "HIGH".equals(t.severity())).findFirst().orElseThrow();
        assertThat(phoneHigh.resolved()).isEqualTo(3);
        assertThat(phoneHigh.meanHours()).isCloseTo(12.0, within(1e-9));
        assertThat(phoneHigh.medianHours()).isCloseTo(10.0, within(1e-9));
        assertThat(phoneHigh.medianFirstResponseHours()).isCloseTo(1.0, within(1e-9));
        ComplaintTimes emailLow = dash.complaints().stream()
                .filter(t -> t.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(emailLow.medianHours()).isCloseTo(48.0, within(1e-9));
        assertThat(emailLow.responded()).isZero();
        // the median of all four, by month in the chart's table: the mean only
        assertThat(dash.months().getLast().month()).isEqualTo(java.time.LocalDate.of(2019, 3, 1));
        assertThat(dash.months().getLast().values().get(Kpi.CHURN_RATE)).isCloseTo(0.25, within(1e-9));
    }

    /**
     * A segment's figures are counted from its companies' rows, not from the per-owner rollups: a segment holding
     * exactly the rep's clients gives every figure of the rep's filter, month by month.
     */
    @Test
    void aSegmentHoldingTheRepsClientsGivesEveryFigureOfTheRepsFilter() {
        long all = segment(criteria(null, rep));
        InsightDashboard byOwner = insight.dashboard(march, manager);
        InsightDashboard bySegment = insight.dashboard(march.withSegment(all), manager);
        for (Kpi kpi : Kpi.values()) {
            assertThat(bySegment.figure(kpi).value()).as(kpi.name()).isEqualTo(byOwner.figure(kpi).value());
            assertThat(bySegment.figure(kpi).previous()).as(kpi.name() + " before").isEqualTo(byOwner.figure(kpi).previous());
        }
        assertThat(bySegment.months()).isEqualTo(byOwner.months());
        assertThat(bySegment.complaints()).isEqualTo(byOwner.complaints());
        assertThat(insight.rows(Kpi.Drill.DETRACTORS, march.withSegment(all), manager))
                .isEqualTo(insight.rows(Kpi.Drill.DETRACTORS, march, manager));
    }

    /**
     * The segment of A alone: a customer all month (churn 0), its 6 phone calls, its deals (1 won, 1 lost), its
     * 1 000 order, its two complaints (10 h and 24 h: mean and median 17 h), the 5 NPS answers (all given by A's
     * person), not reached in 90 days (only C was).
     */
    @Test
    void aSegmentOfOneClientCountsThatClientsRowsOnly() {
        String city = TestData.unique("Ville");
        jdbc.sql("update company set city = :city where id = :id").param("city", city).param("id", a).update();
        long onlyA = segment(criteria(city, null));
        InsightDashboard dash = insight.dashboard(march.withSegment(onlyA), manager);

        assertThat(dash.current().atStart().customers()).isEqualTo(1);
        assertThat(value(dash, Kpi.CHURN_RATE)).isZero();
        assertThat(value(dash, Kpi.NPS)).isCloseTo(40.0, within(1e-9));
        assertThat(value(dash, Kpi.INTERACTIONS_PER_CUSTOMER)).isCloseTo(6.0, within(1e-9));
        assertThat(value(dash, Kpi.WIN_RATE)).isCloseTo(0.5, within(1e-9));
        assertThat(dash.current().revenue()).isEqualByComparingTo("1000");
        assertThat(value(dash, Kpi.RESOLUTION_TIME)).isCloseTo(17.0, within(1e-9));
        assertThat(value(dash, Kpi.REACHED_90_DAYS)).isZero();
        assertThat(insight.rows(Kpi.Drill.SLOWEST_COMPLAINTS, march.withSegment(onlyA), manager))
                .extracting(DrillRow::value).containsExactly(24.0, 10.0);
        assertThat(insight.rows(Kpi.Drill.LOST_CUSTOMERS, march.withSegment(onlyA), manager)).isEmpty();
    }

    /**
     * Reached in 90 days at the previous period's end, 1 March 2019 (exchanges since 1 December 2018): the customers
     * then are A B C D (H lost in February, E still a prospect, G not created yet); D called on 20 February, A on
     * 30 November (too early), H on 5 February (no longer a customer) → 1/4. No figure before that month start is
     * measured; a segment's (A and D) counted from its companies' rows → 1/2.
     */
    @Test
    void customersReachedAtThePreviousPeriodsEndAsMeasuredAtThatMonthsStart() {
        exchange(d, "PHONE", "2019-02-20T10:00:00Z");
        exchange(a, "PHONE", "2018-11-30T10:00:00Z");
        exchange(h, "PHONE", "2019-02-05T10:00:00Z");
        assertThat(insight.dashboard(march, manager).figure(Kpi.REACHED_90_DAYS).previous())
                .as("not measured yet").isNull();

        insight.measureReached(java.time.LocalDate.of(2019, 3, 1));
        InsightDashboard dash = insight.dashboard(march, manager);
        assertThat(dash.figure(Kpi.REACHED_90_DAYS).previous()).isCloseTo(0.25, within(1e-9));
        assertThat(value(dash, Kpi.REACHED_90_DAYS)).as("today's, as before").isCloseTo(0.2, within(1e-9));
        assertThat(jdbc.sql("select customers || '/' || reached from insight_reached_month where as_of = '2019-03-01' and owner_id = :rep")
                .param("rep", rep).query(String.class).single()).isEqualTo("4/1");

        String city = TestData.unique("Ville");
        jdbc.sql("update company set city = :city where id in (:ids)").param("city", city).param("ids", List.of(a, d))
                .update();
        InsightDashboard segment = insight.dashboard(march.withSegment(segment(criteria(city, null))), manager);
        assertThat(segment.figure(Kpi.REACHED_90_DAYS).previous()).isCloseTo(0.5, within(1e-9));
        assertThat(value(segment, Kpi.REACHED_90_DAYS)).as("A is not reached today, D is no customer").isZero();
    }

    private long segment(SegmentCriteria criteria) {
        return segments.save(Segment.define(TestData.unique("Segment"), true, criteria, manager,
                java.time.Instant.now())).id();
    }

    private static SegmentCriteria criteria(String city, Long owner) {
        return new SegmentCriteria(null, null, null, city, null, owner, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void theMedianResolutionTimeOfAllComplaintsIsTheMiddleOfTheFour() {
        ComplaintTimes total = new SqlInsightQueriesAccess(queries).total(march);
        assertThat(total.meanHours()).isCloseTo(21.0, within(1e-9));
        assertThat(total.medianHours()).isCloseTo(17.0, within(1e-9));
        assertThat(total.medianFirstResponseHours()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aChannelFilterCountsThatChannelsExchangesAndComplaintsOnly() {
        InsightDashboard phone = insight.dashboard(new KpiFilter(march.period(), rep, null, Channel.PHONE), manager);
        assertThat(value(phone, Kpi.INTERACTIONS_PER_CUSTOMER)).isCloseTo(1.5, within(1e-9));
        assertThat(value(phone, Kpi.RESOLUTION_TIME)).isCloseTo(12.0, within(1e-9));
        assertThat(value(phone, Kpi.NPS)).isCloseTo(40.0, within(1e-9));
    }

    /**
     * May 2017 (a month only this test writes in: each test's data set is in February and March 2019): two new
     * customers, the first reached by email first (then by phone), the second with no exchange on record; costs
     * 1 500 for a fair without channel and 500 for email. April 2017 (the previous month): one new customer first
     * reached by phone, 300 of phone costs.
     */
    @Test
    void theCacDividesTheMonthsCostsByTheCustomersWonByTheWholeTeamAndEachChannelByTheCustomersItBrought() {
        long won1 = company("Won 1", "CUSTOMER", "2017-05-10T10:00:00Z");
        company("Won 2", "CUSTOMER", "2017-05-11T10:00:00Z");
        exchange(won1, "PHONE", "2017-05-03T10:00:00Z");
        exchange(won1, "EMAIL", "2017-04-20T10:00:00Z");
        long april = company("Won in April", "CUSTOMER", "2017-04-12T10:00:00Z");
        exchange(april, "PHONE", "2017-04-02T10:00:00Z");
        Actor admin = TestData.user(users, Role.ADMIN, Department.MANAGEMENT).asActor();
        insight.enterCost(YearMonth.of(2017, 5), null, "Salon Batimat", new BigDecimal("1500"), admin);
        insight.enterCost(YearMonth.of(2017, 5), Channel.EMAIL, null, new BigDecimal("500"), admin);
        insight.enterCost(YearMonth.of(2017, 4), Channel.PHONE, null, new BigDecimal("300"), admin);
        Period may = Period.of(PeriodKind.MONTH, YearMonth.of(2017, 5));
        InsightDashboard team = insight.dashboard(new KpiFilter(may, null, null, null), manager);
        assertThat(team.current().facts().newCustomers()).isEqualTo(2);
        assertThat(value(team, Kpi.CAC)).isCloseTo(1000.0, within(1e-9));
        assertThat(team.figure(Kpi.CAC).previous()).isCloseTo(300.0, within(1e-9));
        assertThat(team.acquisition()).extracting(ChannelAcquisition::channel, a -> a.cost().intValue(),
                        ChannelAcquisition::newCustomers, ChannelAcquisition::cac, ChannelAcquisition::previousCac)
                .containsExactly(
                        tuple(Channel.EMAIL, 500, 1L, 500.0, null),
                        tuple(Channel.PHONE, 0, 0L, null, 300.0),
                        tuple(null, 1500, 1L, 1500.0, null));
        // the email channel's costs over the one customer it brought; the phone's last month over its one
        InsightDashboard email = insight.dashboard(new KpiFilter(may, null, null, Channel.EMAIL), manager);
        assertThat(value(email, Kpi.CAC)).isCloseTo(500.0, within(1e-9));
        assertThat(insight.dashboard(new KpiFilter(may, null, null, Channel.PHONE), manager).figure(Kpi.CAC)
                .previous()).isCloseTo(300.0, within(1e-9));
        assertThat(insight.dashboard(new KpiFilter(may, rep, null, null), manager).acquisition()).isEmpty();
        // an owner's view leaves the costs out: they belong to no owner
        assertThat(insight.dashboard(new KpiFilter(may, rep, null, null), manager).figure(Kpi.CAC).value()).isNull();
        // a second cost for the same month and campaign is refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insight.enterCost(YearMonth.of(2017, 5), null,
                "Salon Batimat", BigDecimal.TEN, admin)).isInstanceOf(org.relationcrm.shared.RuleViolation.class);
    }

    @Test
    void theRowsBehindTheFiguresAreTheDetractorsTheLostCustomersAndTheSlowestComplaints() {
        List<DrillRow> detractors = insight.rows(Kpi.Drill.DETRACTORS, march, manager);
        assertThat(detractors).extracting(DrillRow::value).containsExactly(3.0);
        assertThat(insight.rows(Kpi.Drill.LOST_CUSTOMERS, march, manager)).extracting(DrillRow::companyId)
                .containsExactly(d);
        assertThat(insight.rows(Kpi.Drill.NEW_CUSTOMERS, march, manager)).extracting(DrillRow::companyId)
                .containsExactly(g, e);
        assertThat(insight.rows(Kpi.Drill.SLOWEST_COMPLAINTS, march, manager)).extracting(DrillRow::value)
                .containsExactly(48.0, 24.0, 10.0, 2.0);
    }

    @Test
    void aRepWithoutTheTeamsKpisSeesTheirOwnClientsWhateverTheFilterAsks() {
        Actor other = TestData.user(users, Role.SALES, Department.SALES).asActor();
        InsightDashboard theirs = insight.dashboard(march, other);
        assertThat(theirs.team()).isFalse();
        assertThat(theirs.filter().ownerId()).isEqualTo(other.userId());
        assertThat(theirs.figure(Kpi.NPS).value()).isNull();
        assertThat(insight.rows(Kpi.Drill.DETRACTORS, march, other)).isEmpty();
        Actor owner = new Actor(rep, Role.SALES, Department.SALES);
        assertThat(insight.dashboard(new KpiFilter(march.period(), null, null, null), owner).figure(Kpi.NPS).value())
                .isCloseTo(40.0, within(1e-9));
    }

    private static double value(InsightDashboard dash, Kpi kpi) {
        Double v = dash.figure(kpi).value();
        assertThat(v).as(kpi.name()).isNotNull();
        return v;
    }

    private long company(String name, String status, String createdAt) {
        return jdbc.sql("""
                        insert into company (name, status, owner_id, created_at) values (:name, :status, :owner, cast(:at as timestamptz))
                        returning id""")
                .param("name", TestData.unique("Kpi " + name)).param("status", status).param("owner", rep)
                .param("at", createdAt).query(Long.class).single();
    }

    /** Changes a company's status, then dates the change (the trigger writes it at the transaction's time). */
    private void status(long company, String status, String at) {
        jdbc.sql("update company set status = :s where id = :id").param("s", status).param("id", company).update();
        jdbc.sql("""
                update company_status_change set changed_at = cast(:at as timestamptz)
                where id = (select max(id) from company_status_change where company_id = :id)""")
                .param("at", at).param("id", company).update();
    }

    private int surveys;

    private void survey(long contact, String kind, Integer score) {
        surveys++;
        jdbc.sql("""
                insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by, created_at,
                                    sent_at, answered_at, score)
                values (:kind, :company, :contact, 'MANUAL', :token, 'fr', :rep, cast('2019-03-02T10:00:00Z' as timestamptz),
                        cast('2019-03-02T10:00:00Z' as timestamptz),
                        case when cast(:score as integer) is null then null else cast('2019-03-12T10:00:00Z' as timestamptz) end,
                        :score)""")
                .param("kind", kind).param("company", a).param("contact", contact)
                .param("token", TestData.unique("tok") + surveys).param("rep", rep)
                .param("score", score, java.sql.Types.INTEGER).update();
    }

    private void exchange(long company, String channel, String at) {
        jdbc.sql("""
                insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, logged_at)
                values (:c, :channel, 'OUTBOUND', cast(:at as timestamptz), :rep, 'SALES', 'Appel', now())""")
                .param("c", company).param("channel", channel).param("at", at).param("rep", rep).update();
    }

    private void deal(long company, String stage) {
        jdbc.sql("""
                insert into opportunity (company_id, title, amount, stage, probability, expected_close_on, owner_id,
                                         created_at, stage_entered_at, last_activity_at, closed_at, lost_reason, lost_comment)
                values (:c, 'Affaire', 1000, :stage, 100, date '2019-03-20', :rep, cast('2019-01-10T10:00:00Z' as timestamptz),
                        cast('2019-03-20T10:00:00Z' as timestamptz), cast('2019-03-20T10:00:00Z' as timestamptz),
                        cast('2019-03-20T10:00:00Z' as timestamptz),
                        case when :stage = 'LOST' then 'PRICE' end, case when :stage = 'LOST' then 'Trop cher' end)""")
                .param("c", company).param("stage", stage).param("rep", rep).update();
    }

    private int orders;

    private void order(long company, String total, String status) {
        orders++;
        jdbc.sql("""
                insert into customer_order (number, company_id, ordered_on, currency, payment_terms, promised_on, total,
                                            status, invoice_due_on, cancel_reason, created_by, created_at)
                values (:number, :c, date '2019-03-14', 'EUR', 'NET_30', date '2019-03-30', cast(:total as numeric), :status,
                        date '2019-04-30', case when :status = 'CANCELLED' then 'CLIENT_REQUEST' end, :rep, now())""")
                .param("number", TestData.unique("KPI") + orders).param("c", company).param("total", total)
                .param("status", status).param("rep", rep).update();
    }

    private void complaint(long company, String channel, String severity, String opened, String responded,
                           String resolved) {
        jdbc.sql("""
                insert into complaint (company_id, channel, category, severity, subject, description, owner_id, status,
                                       opened_at, opened_by, first_response_due, resolution_due, first_response_at,
                                       resolved_at, resolution, root_cause)
                values (:c, :channel, 'SERVICE', :severity, 'Retard', 'Retard', :rep, 'RESOLVED', cast(:opened as timestamptz),
                        :rep, cast(:opened as timestamptz), cast(:opened as timestamptz), cast(:responded as timestamptz),
                        cast(:resolved as timestamptz), 'Fait', 'PROCESS')""")
                .param("c", company).param("channel", channel).param("severity", severity).param("opened", opened)
                .param("responded", responded, java.sql.Types.VARCHAR).param("resolved", resolved).param("rep", rep)
                .update();
    }

    /** The total row of the complaint times, read through the public query interface. */
    record SqlInsightQueriesAccess(InsightQueries queries) {
        ComplaintTimes total(KpiFilter filter) {
            return queries.complaintTimes(filter, filter.period().start(), filter.period().end())
                    .stream().filter(ComplaintTimes::isTotal).findFirst().orElseThrow();
        }
    }
}
