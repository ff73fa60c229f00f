package org.relationcrm.catalog.persistence;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.catalog.ProductLineHoldings;

/** The lines customers hold, written in plain SQL (an idempotent insert, a delete). */
@Repository
class SqlProductLineHoldings implements ProductLineHoldings {

    private final JdbcClient jdbc;

    SqlProductLineHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
