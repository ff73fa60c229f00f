package org.relationcrm.pipeline;

/** Where a deal stands. The four open stages come in this order; WON and LOST close it. */
public enum Stage {
    PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST;

    public boolean isOpen() {
        return this != WON && this != LOST;
    }

    public static Stage[] open() {
        return new Stage[]{PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION};
    }
}
