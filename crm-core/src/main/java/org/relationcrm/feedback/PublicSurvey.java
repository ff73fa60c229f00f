package org.relationcrm.feedback;

/** What the public answer page shows, with no login: the question, in the person's language, or why it is closed. */
public record PublicSurvey(String token, SurveyKind kind, String language, String companyName,
                           Survey.Refusal refusal, Integer score) {
}
