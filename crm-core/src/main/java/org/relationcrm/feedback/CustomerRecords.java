package org.relationcrm.feedback;

import java.time.LocalDate;

/** Writes of the feedback feature that need no aggregate: deals won, product lines held. SQL in crm-persistence. */
public interface CustomerRecords {

    /** Records a won deal once (a second call for the same opportunity changes nothing). Returns true if new. */
    boolean recordWin(WonDeal deal);

    /** Returns true when the customer did not hold the line yet (see {@link org.relationcrm.catalog.ProductLineHoldings}). */
    boolean hold(long companyId, long productLineId, String source, Long opportunityId, LocalDate since, long addedBy);
}
