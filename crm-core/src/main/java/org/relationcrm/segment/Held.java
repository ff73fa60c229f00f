package org.relationcrm.segment;

/** Whether the segment keeps the clients that hold a product line, or those that do not. */
public enum Held {
    HELD, NOT_HELD
}
