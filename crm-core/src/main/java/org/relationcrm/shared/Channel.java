package org.relationcrm.shared;

/** How a client and the company talk to each other: the channel of an interaction, or a person's preferred one. */
public enum Channel {
    PHONE, EMAIL, MEETING, VISIT, CHAT, LETTER, SOCIAL, SMS
}
