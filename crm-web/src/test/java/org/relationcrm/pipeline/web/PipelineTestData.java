package org.relationcrm.pipeline.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

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
}
