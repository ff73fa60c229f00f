package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.util.List;

/** The deals card of a client's 360° page: open deals, and how many were won and lost. */
public record CompanyPipeline(List<OpportunityRow> open, long won, long lost, BigDecimal wonAmount) {
}
