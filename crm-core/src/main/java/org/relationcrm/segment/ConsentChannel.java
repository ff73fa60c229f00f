package org.relationcrm.segment;

import org.relationcrm.shared.Channel;

/** The channels a person gives (or refuses) consent for, as {@code Consent} stores them. */
public enum ConsentChannel {
    EMAIL, PHONE, SMS, LETTER;

    public Channel channel() {
        return Channel.valueOf(name());
    }
}
