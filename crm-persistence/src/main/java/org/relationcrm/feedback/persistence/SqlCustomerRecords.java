package org.relationcrm.feedback.persistence;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.feedback.CustomerRecords;
import org.relationcrm.feedback.WonDeal;

/** Deals won and product lines held, written in plain SQL (idempotent inserts). */
@Repository
class SqlCustomerRecords implements CustomerRecords {

    private final JdbcClient jdbc;

    SqlCustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    @Override
    public boolean hold(long companyId, long productLineId, String source, Long opportunityId, LocalDate since,
                        long addedBy) {
        return jdbc.sql("""
                        insert into customer_product_line (company_id, product_line_id, source, opportunity_id, since, added_by)
                        values (:company, :line, :source, :opportunity, :since, :by)
                        on conflict (company_id, product_line_id) do nothing
                        """)
                .param("company", companyId).param("line", productLineId).param("source", source)
                .param("opportunity", opportunityId).param("since", since).param("by", addedBy)
                .update() == 1;
    }

    @Override
    public boolean release(long companyId, long productLineId) {
        return jdbc.sql("delete from customer_product_line where company_id = :company and product_line_id = :line")
                .param("company", companyId).param("line", productLineId)
                .update() == 1;
    }
}
