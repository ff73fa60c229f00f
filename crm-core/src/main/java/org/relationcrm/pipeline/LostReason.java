package org.relationcrm.pipeline;

/** Why a deal was lost, from a fixed list so losses can be counted by reason. */
public enum LostReason {
    PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, TIMING, PRODUCT_FIT, RELATIONSHIP, OTHER
}
