package org.relationcrm.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.relationcrm.shared.Channel;

/** What a person has agreed to be contacted by, channel by channel (GDPR: no consent, no campaign). */
@Embeddable
public record Consent(
        @Column(name = "consent_email", nullable = false) boolean email,
        @Column(name = "consent_phone", nullable = false) boolean phone,
        @Column(name = "consent_sms", nullable = false) boolean sms,
        @Column(name = "consent_letter", nullable = false) boolean letter) {

    public static Consent none() {
        return new Consent(false, false, false, false);
    }

    public boolean allows(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case PHONE -> phone;
            case SMS -> sms;
            case LETTER -> letter;
            default -> true;
        };
    }
}
