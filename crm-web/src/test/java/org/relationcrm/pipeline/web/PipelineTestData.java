package org.relationcrm.pipeline.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.team.User;

/** Deals web tests create for themselves. */
public final class PipelineTestData {

    private PipelineTestData() {
    }

    public static Opportunity deal(OpportunityService opportunities, long companyId, User owner, String amount) {
        return opportunities.open(companyId, Stage.PROSPECTING,
                new OpportunityDetails("Équipement atelier", new BigDecimal(amount), "EUR", null,
                        LocalDate.now().plusMonths(2), owner.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Appeler l'acheteuse", LocalDate.now().plusDays(3)), owner.asActor());
    }

    /**
     * One rep's small pipeline with a different figure for each bar of the dashboard:
     * <pre>
     * open: 40 000 € in proposal (50 %) closing in the middle of next month, 8 000 € in prospecting (10 %)
     *       closing early in the month after
     * moves in the first quarter of 2026 (Paris times), out of
     *   prospecting: 2, both moved on, after 10 and 20 days         → 100 %, 15 days
     *   qualified:   2, one moved on, one lost, after 4 and 5 days  → 50 %, 4.5 days
     *   proposal:    1, moved on after 12.5 days                    → 100 %, 12.5 days
     *   negotiation: none                                           → no rate, no time
     * </pre>
     */
    public static void dashboardFunnel(OpportunityService opportunities, JdbcClient jdbc, long companyId, User rep,
                                       LocalDate nextMonth) {
        Opportunity proposal = open(opportunities, companyId, rep, Stage.PROPOSAL, "40000", nextMonth.plusDays(14));
        Opportunity prospect = open(opportunities, companyId, rep, Stage.PROSPECTING, "8000",
                nextMonth.plusMonths(1).plusDays(3));
        stageChange(jdbc, prospect, "PROSPECTING", "2026-01-05 10:00", "QUALIFIED", "2026-01-15 10:00", rep);
        stageChange(jdbc, proposal, "PROSPECTING", "2026-01-05 10:00", "QUALIFIED", "2026-01-25 10:00", rep);
        stageChange(jdbc, proposal, "QUALIFIED", "2026-01-25 10:00", "PROPOSAL", "2026-01-29 10:00", rep);
        stageChange(jdbc, prospect, "QUALIFIED", "2026-01-15 10:00", "LOST", "2026-01-20 10:00", rep);
        stageChange(jdbc, proposal, "PROPOSAL", "2026-02-01 10:00", "NEGOTIATION", "2026-02-13 22:00", rep);
    }

    private static Opportunity open(OpportunityService opportunities, long companyId, User rep, Stage stage,
                                    String amount, LocalDate closing) {
        return opportunities.open(companyId, stage,
                new OpportunityDetails("Affaire " + amount, new BigDecimal(amount), "EUR", null, closing, rep.id(),
                        OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Rappeler", closing.minusDays(7)), rep.asActor());
    }

    /** A move of the deal's history written as it happened, at Paris times ("2026-01-15 10:00"). */
    private static void stageChange(JdbcClient jdbc, Opportunity deal, String from, String enteredAt, String to,
                                    String changedAt, User by) {
        jdbc.sql("""
                        insert into opportunity_stage_change (opportunity_id, from_stage, from_entered_at, to_stage,
                            changed_at, changed_by)
                        values (:o, :from, cast(:entered as timestamptz), :to, cast(:at as timestamptz), :by)""")
                .param("o", deal.id()).param("from", from).param("entered", enteredAt + " Europe/Paris")
                .param("to", to).param("at", changedAt + " Europe/Paris").param("by", by.id()).update();
    }
}
