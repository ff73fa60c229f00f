package org.relationcrm.catalog;

import java.time.LocalDate;

/** Which product lines each customer holds (table {@code customer_product_line}). SQL in crm-persistence. */
public interface ProductLineHoldings {

    /**
     * Records that the customer holds the line, once (holding it already changes nothing).
     *
     * @param source        {@code MANUAL} when set by hand, {@code WON} when a won deal brought it
     * @param opportunityId the won deal, if one brought it
     * @return true when the customer did not hold the line yet
     */
    boolean hold(long companyId, long productLineId, String source, Long opportunityId, LocalDate since, long addedBy);

    /** Returns true when the customer held the line. */
    boolean release(long companyId, long productLineId);
}
