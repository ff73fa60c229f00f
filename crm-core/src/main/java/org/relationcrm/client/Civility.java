package org.relationcrm.client;

/** How to address a person in a letter; NONE when the person prefers none. */
public enum Civility {
    MR, MRS, NONE
}
