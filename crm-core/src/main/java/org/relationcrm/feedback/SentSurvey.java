package org.relationcrm.feedback;

/** A survey just sent: its link (to copy) and whether the email really went out. */
public record SentSurvey(Survey survey, String link, boolean emailed) {
}
