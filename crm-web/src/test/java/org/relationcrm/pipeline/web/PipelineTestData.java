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
     * A move of the deal's history written as it happened, at Paris times ("2026-01-15 10:00"): the dashboard's
     * rollups count it by the day it happened, whenever the test runs.
     */
    public static void stageChange(JdbcClient jdbc, Opportunity deal, String from, String enteredAt, String to,
                                   String changedAt, User by) {
        jdbc.sql("""
                        insert into opportunity_stage_change (opportunity_id, from_stage, from_entered_at, to_stage,
                            changed_at, changed_by)
                        values (:o, :from, cast(:entered as timestamptz), :to, cast(:at as timestamptz), :by)""")
                .param("o", deal.id()).param("from", from).param("entered", enteredAt + " Europe/Paris")
                .param("to", to).param("at", changedAt + " Europe/Paris").param("by", by.id()).update();
    }
}
