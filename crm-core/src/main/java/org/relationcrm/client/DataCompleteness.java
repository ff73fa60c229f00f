package org.relationcrm.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How complete a client record is, 0 to 100, with what is missing, most important first.
 * A CRM nobody feeds is useless: this makes the gaps visible where people work.
 */
public record DataCompleteness(int score, List<MissingItem> missing) {

    /** A client nobody has talked to for longer than this counts as "no recent interaction". */
    public static final Duration RECENT = Duration.ofDays(90);

    public DataCompleteness {
        missing = List.copyOf(missing);
    }

    public static DataCompleteness of(CompletenessFacts facts, Instant now) {
        List<MissingItem> missing = new ArrayList<>();
        if (!facts.hasContact()) {
            missing.add(MissingItem.NO_CONTACT);
        }
        if (!facts.mainContactHasEmail()) {
            missing.add(MissingItem.NO_MAIN_CONTACT_EMAIL);
        }
        if (!facts.mainContactHasPhone()) {
            missing.add(MissingItem.NO_MAIN_CONTACT_PHONE);
        }
        if (!facts.mainContactHasPreferredChannel()) {
            missing.add(MissingItem.NO_PREFERRED_CHANNEL);
        }
        if (!facts.hasSector()) {
            missing.add(MissingItem.NO_SECTOR);
        }
        if (!facts.hasCity()) {
            missing.add(MissingItem.NO_CITY);
        }
        Instant recentSince = now.minus(RECENT);
        boolean enteredRecently = facts.clientSince() != null && !facts.clientSince().isBefore(recentSince);
        if (!enteredRecently && (facts.lastInteractionAt() == null || facts.lastInteractionAt().isBefore(recentSince))) {
            missing.add(MissingItem.NO_RECENT_INTERACTION);
        }
        if (!facts.hasLegalId()) {
            missing.add(MissingItem.NO_LEGAL_ID);
        }
        if (!facts.hasWebsite()) {
            missing.add(MissingItem.NO_WEBSITE);
        }
        int lost = missing.stream().mapToInt(MissingItem::weight).sum();
        return new DataCompleteness(100 - lost, missing);
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }
}
