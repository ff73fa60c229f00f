package org.relationcrm.feedback;

import java.time.Instant;

/** A survey sent (or planned) to a person, with its answer when there is one. */
public record SurveyRow(long id, SurveyKind kind, long contactId, String contactName, SurveyTrigger trigger,
                        Instant sentAt, boolean sentByEmail, Instant expiresAt, Instant answeredAt, Integer score,
                        String comment, SurveyTheme theme, String token, long version) {

    public boolean answered() {
        return answeredAt != null;
    }

    /** Detractor, passive or promoter for NPS; low, neutral or good for the others. */
    public String category() {
        if (score == null) {
            return null;
        }
        return switch (kind) {
            case NPS -> score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER";
            case CSAT -> score <= 2 ? "LOW" : score == 3 ? "NEUTRAL" : "GOOD";
            case CES -> score <= 3 ? "LOW" : score <= 4 ? "NEUTRAL" : "GOOD";
        };
    }
}
