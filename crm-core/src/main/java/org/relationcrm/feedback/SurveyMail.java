package org.relationcrm.feedback;

/** An email inviting a person to answer a survey, in their language. */
public record SurveyMail(String to, String greetingName, String language, SurveyKind kind, String link,
                         String companyName) {
}
