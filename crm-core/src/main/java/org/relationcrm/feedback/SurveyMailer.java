package org.relationcrm.feedback;

/**
 * Sends survey emails. Implemented in crm-web with Spring Mail; without an SMTP server configured, the email is
 * logged instead and the agent copies the link. Returns true when the email really went out.
 */
public interface SurveyMailer {

    boolean send(SurveyMail mail);
}
