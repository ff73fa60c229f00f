package org.relationcrm.segment;

/** What a call list did: calls planned, people left out because they refuse calls. */
public record CallListOutcome(int planned, int withoutConsent) implements java.io.Serializable {
}
