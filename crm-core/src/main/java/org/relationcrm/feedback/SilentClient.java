package org.relationcrm.feedback;

import java.time.Instant;
import java.time.LocalDate;

import org.relationcrm.client.Company;
import org.relationcrm.team.Actor;

/**
 * A customer nobody has been in touch with for too long. The silence runs from the last contact, the later of the
 * last exchange ({@code lastExchangeAt}) and the last signature ({@code lastWonOn}); for a client never contacted,
 * from its creation. {@code silentSince} is that moment, {@code silentDays} the days since.
 */
public record SilentClient(long companyId, String companyName, long ownerId, String ownerName, Instant lastExchangeAt,
                           LocalDate lastWonOn, Instant silentSince, int silentDays) {

    /** What the silence runs from. */
    public enum Since {
        EXCHANGE, SIGNATURE, CREATION
    }

    /** No exchange and no signature ever: silent since the client was created. */
    public boolean neverContacted() {
        return lastExchangeAt == null && lastWonOn == null;
    }

    /** Whether the silence runs from the last exchange, the last signature (the later one) or the creation. */
    public Since since() {
        if (neverContacted()) {
            return Since.CREATION;
        }
        return silentSince.equals(lastExchangeAt) ? Since.EXCHANGE : Since.SIGNATURE;
    }

    /** Whether this user may give the client to another owner (the company's editing rule). */
    public boolean canBeReassignedBy(Actor actor) {
        return Company.editableBy(ownerId, actor);
    }
}
