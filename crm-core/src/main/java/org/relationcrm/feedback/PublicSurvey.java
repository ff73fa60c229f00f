package org.relationcrm.feedback;

/**
 * What the public answer page shows, with no login: who asks (the person who sent it and, when set, our company's
 * name), the question in the person's language, or why it is closed.
 */
public record PublicSurvey(String token, SurveyKind kind, String language, String askedBy, String ourCompany,
                           Survey.Refusal refusal, Integer score) {
}
