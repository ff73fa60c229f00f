package org.relationcrm.interaction;

/** Who started the exchange: the client (inbound) or us (outbound). */
public enum Direction {
    INBOUND, OUTBOUND
}
