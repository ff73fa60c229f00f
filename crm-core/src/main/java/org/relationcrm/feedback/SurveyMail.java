package org.relationcrm.feedback;

/**
 * An email inviting a person to answer a survey, in their language, from the person who asks and (when set) our
 * company's name.
 */
public record SurveyMail(String to, String greetingName, String language, SurveyKind kind, String link,
                         String askedBy, String ourCompany) {
}
