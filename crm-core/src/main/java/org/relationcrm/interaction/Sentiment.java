package org.relationcrm.interaction;

/** How the client felt, as the author judged it. An angry client is a signal, not a nuisance. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
