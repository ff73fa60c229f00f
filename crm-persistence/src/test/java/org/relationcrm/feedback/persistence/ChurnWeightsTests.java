package org.relationcrm.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.ChurnRisk;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.RiskReason;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The churn-risk weights live in one place, the table churn_weight (V26): the score SQL computes and the reasons
 * Java shows read them there, so a weight changed in its row changes both, and nothing else needs editing.
 */
@SpringBootTest
class ChurnWeightsTests {

    @Autowired JdbcClient jdbc;
    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired FeedbackReadService reads;

    int weight(String reason) {
        return jdbc.sql("select points from churn_weight where reason = :r").param("r", reason)
                .query(Integer.class).single();
    }

    @Test
    void theWorstCaseAddsUpTo100() {
        assertThat(weight("SILENT_90_DAYS") + weight("NPS_DETRACTOR") + weight("BREACHED_COMPLAINT")
                + weight("NEGATIVE") + weight("WON_HALVED") + weight("NO_BREADTH")).isEqualTo(100);
    }

    @Test
    void aWeightChangedInItsRowIsTheOneTheScoreAndTheReasonsUse() {
        Actor sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        // a customer created 120 days ago and never talked to, holding no product line: silent since its creation
        // and no line on record
        long customer = clients.createCompany(new CompanyDetails(TestData.unique("Churn"), null, null, null, null,
                null, "Lyon", "France", null, null, CompanyStatus.CUSTOMER, sales.userId(), null), sales).id();
        jdbc.sql("update company set created_at = now() - interval '120 days' where id = :id").param("id", customer)
                .update();
        int silence = weight("SILENT_90_DAYS");
        assertThat(risk(customer).reasons()).extracting(RiskReason::code, RiskReason::points)
                .containsExactly(tuple("NEVER", silence), tuple("NO_LINE", weight("NO_BREADTH")));

        try {
            jdbc.sql("update churn_weight set points = 40 where reason = 'SILENT_90_DAYS'").update();
            ChurnRisk changed = risk(customer);
            assertThat(changed.reasons()).extracting(RiskReason::code, RiskReason::points)
                    .contains(tuple("NEVER", 40));
            assertThat(changed.score()).isEqualTo(40 + weight("NO_BREADTH"));
        } finally {
            jdbc.sql("update churn_weight set points = :p where reason = 'SILENT_90_DAYS'").param("p", silence)
                    .update();
        }
    }

    private ChurnRisk risk(long companyId) {
        return reads.card(companyId).risk();
    }
}
