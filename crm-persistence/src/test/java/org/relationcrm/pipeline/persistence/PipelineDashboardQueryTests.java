package org.relationcrm.pipeline.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.pipeline.DashboardFilter;
import org.relationcrm.pipeline.OpportunityRow;
import org.relationcrm.pipeline.PipelineDashboard;
import org.relationcrm.pipeline.PipelineQueries;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The dashboard's figures against a small fixed pipeline computed by hand (one rep, first quarter 2026, Paris):
 * <pre>
 * A 10 000 € created 5 Jan: P→Q 15 Jan, Q→PR 25 Jan, PR→N 30 Jan, N→WON 4 Feb (cycle 30 days)
 * B 20 000 € created 10 Jan: P→Q 20 Jan, Q→LOST 19 Feb
 * C 40 000 € created 1 Feb: P→Q 11 Feb, Q→PR 21 Feb; open at 50 %, closing 15 Apr 2026, last activity 21 Feb
 * D 5 000 € won in Dec 2025: outside the period
 * E 8 000 € created 1 Mar, open in prospecting at 10 %, closing 10 May 2026, no next step, last activity 20 Mar
 * concessions: A 5 % (500 €, volume), A free service 300 € (none), C 15 % (6 000 €, none, pending),
 *              B 20 % (4 000 €, none, refused: not counted)
 * </pre>
 */
@SpringBootTest
class PipelineDashboardQueryTests {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @Autowired
    PipelineQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;

    User rep;
    User manager;
    Company company;

    @BeforeEach
    void fixedPipeline() {
        rep = TestData.user(users, Role.SALES, Department.SALES);
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT);
        company = clients.createCompany(TestData.company(TestData.unique("Dash"), rep.id()), rep.asActor());
        long a = deal("A", "10000", "WON", 100, "2026-02-04", "2026-01-05 10:00", "2026-02-04 10:00", "2026-02-04 10:00", null);
        moves(a, "2026-01-05 10:00", "PROSPECTING", "2026-01-15 10:00", "QUALIFIED", "2026-01-25 10:00", "PROPOSAL",
                "2026-01-30 10:00", "NEGOTIATION", "2026-02-04 10:00", "WON");
        long b = deal("B", "20000", "LOST", 0, "2026-02-19", "2026-01-10 10:00", "2026-02-19 10:00", "2026-02-19 10:00", null);
        moves(b, "2026-01-10 10:00", "PROSPECTING", "2026-01-20 10:00", "QUALIFIED", "2026-02-19 10:00", "LOST");
        long c = deal("C", "40000", "PROPOSAL", 50, "2026-04-15", "2026-02-01 10:00", null, "2026-02-21 10:00", "Relancer");
        moves(c, "2026-02-01 10:00", "PROSPECTING", "2026-02-11 10:00", "QUALIFIED", "2026-02-21 10:00", "PROPOSAL");
        long d = deal("D", "5000", "WON", 100, "2025-12-20", "2025-12-01 10:00", "2025-12-20 10:00", "2025-12-20 10:00", null);
        moves(d, "2025-12-01 10:00", "PROSPECTING", "2025-12-20 10:00", "WON");
        long e = deal("E", "8000", "PROSPECTING", 10, "2026-05-10", "2026-03-01 10:00", null, "2026-03-20 10:00", null);
        moves(e, "2026-03-01 10:00", "PROSPECTING");
        concession(a, "DISCOUNT", "PERCENT", "5", "500", "VOLUME", "2026-01-31 10:00", "NOT_REQUIRED");
        concession(a, "FREE_SERVICE", "AMOUNT", "300", "300", "NONE", "2026-02-01 10:00", "NOT_REQUIRED");
        concession(c, "DISCOUNT", "PERCENT", "15", "6000", "NONE", "2026-02-25 10:00", "PENDING");
        concession(b, "DISCOUNT", "PERCENT", "20", "4000", "NONE", "2026-02-10 10:00", "REJECTED");
    }

    PipelineDashboard dashboard() {
        return queries.dashboard(new DashboardFilter(FROM, TO, rep.id(), null), Instant.parse("2026-03-10T00:00:00Z"),
                LocalDate.of(2026, 4, 1));
    }

    @Test
    void theCompanyCardHoldsTheOpenDealsByClosingDateAndTheWonAndLostTotalsInOneStatement() {
        var card = queries.ofCompany(company.id(), 20);
        assertThat(card.open()).extracting(OpportunityRow::title).containsExactly("C", "E");
        assertThat(card.won()).isEqualTo(2);
        assertThat(card.lost()).isEqualTo(1);
        assertThat(card.wonAmount()).isEqualByComparingTo("15000");
        assertThat(queries.ofCompany(company.id(), 1).open()).extracting(OpportunityRow::title).containsExactly("C");

        Company newcomer = clients.createCompany(TestData.company(TestData.unique("Dash"), rep.id()), rep.asActor());
        var empty = queries.ofCompany(newcomer.id(), 20);
        assertThat(empty.open()).isEmpty();
        assertThat(empty.won()).isZero();
        assertThat(empty.wonAmount()).isEqualByComparingTo("0");
    }

    @Test
    void weightedForecastByExpectedCloseMonth() {
        var forecast = dashboard().forecast();
        assertThat(forecast).hasSize(2);
        assertThat(forecast.get(0).month()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(forecast.get(0).count()).isEqualTo(1);
        assertThat(forecast.get(0).amount()).isEqualByComparingTo("40000");
        assertThat(forecast.get(0).weighted()).isEqualByComparingTo("20000");
        assertThat(forecast.get(1).month()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(forecast.get(1).weighted()).isEqualByComparingTo("800");
    }

    @Test
    void winRateAndSalesCycleOverThePeriod() {
        var outcomes = dashboard().outcomes();
        assertThat(outcomes.won()).isEqualTo(1);
        assertThat(outcomes.lost()).isEqualTo(1);
        assertThat(outcomes.winRate()).isEqualTo(0.5);
        assertThat(outcomes.wonAmount()).isEqualByComparingTo("10000");
        assertThat(outcomes.averageCycleDays()).isEqualTo(30.0);
    }

    @Test
    void conversionBetweenConsecutiveStagesAndTimeInEachStage() {
        var d = dashboard();
        var conversions = d.conversions();
        assertThat(conversions).extracting(PipelineDashboard.Conversion::from)
                .containsExactly(Stage.PROSPECTING, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION);
        assertThat(conversions.get(0).entered()).isEqualTo(3);
        assertThat(conversions.get(0).converted()).isEqualTo(3);
        assertThat(conversions.get(1).entered()).isEqualTo(3);
        assertThat(conversions.get(1).converted()).isEqualTo(2);
        assertThat(conversions.get(1).rate()).isEqualTo(2.0 / 3);
        assertThat(conversions.get(2).converted()).isEqualTo(1);
        assertThat(conversions.get(3).to()).isEqualTo(Stage.WON);
        assertThat(conversions.get(3).rate()).isEqualTo(1.0);
        assertThat(d.stageTimes().get(0).averageDays()).isEqualTo(10.0);
        assertThat(d.stageTimes().get(1).averageDays()).isEqualTo(16.7);
        assertThat(d.stageTimes().get(2).averageDays()).isEqualTo(5.0);
        assertThat(d.stageTimes().get(3).averageDays()).isEqualTo(5.0);
    }

    @Test
    void staleAndWithoutNextStepPerRep() {
        var reps = dashboard().reps();
        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.ownerId()).isEqualTo(rep.id());
            assertThat(r.open()).isEqualTo(2);
            assertThat(r.weighted()).isEqualByComparingTo("20800");
            assertThat(r.stale()).isEqualTo(1);
            assertThat(r.withoutNextStep()).isEqualTo(1);
        });
    }

    @Test
    void concessionsPerRepAndTheShareGivenForNothing() {
        var concessions = dashboard().concessions();
        assertThat(concessions).singleElement().satisfies(k -> {
            assertThat(k.count()).isEqualTo(3);
            assertThat(k.total()).isEqualByComparingTo("6800");
            assertThat(k.withoutCounterpart()).isEqualTo(2);
            assertThat(k.totalWithoutCounterpart()).isEqualByComparingTo("6300");
            assertThat(k.shareWithoutCounterpart()).isEqualTo(2.0 / 3);
        });
    }

    @Test
    void theRollupsFollowLaterChanges() {
        // the manager refuses C's discount; E is lost on 25 March
        jdbc.sql("update concession set approval = 'REJECTED' where approval = 'PENDING' and granted_by = ?")
                .param(rep.id()).update();
        jdbc.sql("""
                        update opportunity set stage = 'LOST', probability = 0, lost_reason = 'TIMING', lost_comment = 'reporté',
                            closed_at = timestamptz '2026-03-25 10:00 Europe/Paris', next_step = null, next_step_due = null
                        where owner_id = ? and title = 'E'""")
                .param(rep.id()).update();
        var d = dashboard();
        assertThat(d.forecast()).singleElement().satisfies(f -> assertThat(f.weighted()).isEqualByComparingTo("20000"));
        assertThat(d.outcomes().lost()).isEqualTo(2);
        assertThat(d.outcomes().winRate()).isEqualTo(0.3333);
        assertThat(d.reps()).singleElement().satisfies(r -> {
            assertThat(r.open()).isEqualTo(1);
            assertThat(r.withoutNextStep()).isZero();
        });
        assertThat(d.concessions()).singleElement().satisfies(k -> {
            assertThat(k.count()).isEqualTo(2);
            assertThat(k.total()).isEqualByComparingTo("800");
        });
    }

    @Test
    void aPeriodWithNothingClosedHasNoWinRate() {
        var d = queries.dashboard(new DashboardFilter(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), rep.id(), null),
                Instant.parse("2026-03-10T00:00:00Z"), LocalDate.of(2026, 4, 1));
        assertThat(d.outcomes().winRate()).isNull();
        assertThat(d.outcomes().averageCycleDays()).isNull();
        assertThat(d.conversions()).allSatisfy(c -> assertThat(c.rate()).isNull());
    }

    private long deal(String title, String amount, String stage, int probability, String expectedClose, String created,
                      String closed, String lastActivity, String nextStep) {
        return jdbc.sql("""
                        insert into opportunity (company_id, title, amount, stage, probability, expected_close_on, owner_id,
                            next_step, next_step_due, lost_reason, lost_comment, created_at, stage_entered_at,
                            last_activity_at, closed_at)
                        values (:company, :title, :amount, :stage, :probability, cast(:close as date), :owner,
                            :next, case when cast(:next as text) is null then null else date '2026-04-05' end,
                            case when :stage = 'LOST' then 'PRICE' end, case when :stage = 'LOST' then 'trop cher' end,
                            cast(:created as timestamptz), coalesce(cast(:closed as timestamptz), cast(:activity as timestamptz)),
                            cast(:activity as timestamptz), cast(:closed as timestamptz))
                        returning id""")
                .param("company", company.id()).param("title", title).param("amount", new BigDecimal(amount))
                .param("stage", stage).param("probability", probability).param("close", expectedClose)
                .param("owner", rep.id()).param("next", nextStep).param("created", created + " Europe/Paris")
                .param("closed", closed == null ? null : closed + " Europe/Paris")
                .param("activity", lastActivity + " Europe/Paris")
                .query(Long.class).single();
    }

    /** Pairs of (when, stage) from creation on. */
    private void moves(long opportunity, String... whenAndStage) {
        String previous = null;
        String enteredAt = null;
        for (int i = 0; i < whenAndStage.length; i += 2) {
            String at = whenAndStage[i] + " Europe/Paris";
            jdbc.sql("""
                            insert into opportunity_stage_change (opportunity_id, from_stage, from_entered_at, to_stage,
                                changed_at, changed_by)
                            values (:o, :from, cast(:entered as timestamptz), :to, cast(:at as timestamptz), :by)""")
                    .param("o", opportunity).param("from", previous).param("entered", enteredAt)
                    .param("to", whenAndStage[i + 1]).param("at", at).param("by", rep.id()).update();
            previous = whenAndStage[i + 1];
            enteredAt = at;
        }
    }

    private void concession(long opportunity, String type, String kind, String value, String money, String counterpart,
                            String at, String approval) {
        jdbc.sql("""
                        insert into concession (opportunity_id, type, value_kind, value, money_value, counterpart,
                            granted_by, granted_at, approval, decided_by, decided_at)
                        values (:o, :type, :kind, :value, :money, :counterpart, :by, cast(:at as timestamptz), :approval,
                            case when :approval in ('APPROVED', 'REJECTED') then cast(:manager as bigint) end,
                            case when :approval in ('APPROVED', 'REJECTED') then cast(:at as timestamptz) end)""")
                .param("o", opportunity).param("type", type).param("kind", kind).param("value", new BigDecimal(value))
                .param("money", new BigDecimal(money)).param("counterpart", counterpart).param("by", rep.id())
                .param("at", at + " Europe/Paris").param("approval", approval).param("manager", manager.id()).update();
    }
}
