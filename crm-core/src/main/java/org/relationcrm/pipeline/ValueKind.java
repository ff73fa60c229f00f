package org.relationcrm.pipeline;

/** A concession's value is a percentage of the deal's amount or an amount in the deal's currency. */
public enum ValueKind {
    PERCENT, AMOUNT
}
