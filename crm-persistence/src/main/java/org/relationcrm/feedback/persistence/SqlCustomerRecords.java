package org.relationcrm.feedback.persistence;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.catalog.ProductLineHoldings;
import org.relationcrm.feedback.CustomerRecords;
import org.relationcrm.feedback.WonDeal;

/** Deals won, written in plain SQL (an idempotent insert); the lines a win brings are held through the catalog. */
@Repository
class SqlCustomerRecords implements CustomerRecords {

    private final JdbcClient jdbc;
    private final ProductLineHoldings holdings;

    SqlCustomerRecords(JdbcClient jdbc, ProductLineHoldings holdings) {
        this.jdbc = jdbc;
        this.holdings = holdings;
    }

    @Override
    public boolean recordWin(WonDeal deal) {
        return jdbc.sql("""
                        insert into won_deal (opportunity_id, company_id, contact_id, owner_id, amount, won_on)
                        values (:opportunity, :company, :contact, :owner, :amount, :wonOn)
                        on conflict (opportunity_id) do nothing
                        """)
                .param("opportunity", deal.opportunityId()).param("company", deal.companyId())
                .param("contact", deal.contactId()).param("owner", deal.ownerId()).param("amount", deal.amount())
                .param("wonOn", deal.wonOn())
                .update() == 1;
    }

    /** A won deal's lines: the catalog module keeps which lines each customer holds. */
    @Override
    public boolean hold(long companyId, long productLineId, String source, Long opportunityId, LocalDate since,
                        long addedBy) {
        return holdings.hold(companyId, productLineId, source, opportunityId, since, addedBy);
    }
}
