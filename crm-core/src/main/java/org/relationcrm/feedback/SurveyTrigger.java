package org.relationcrm.feedback;

/** Why a survey was sent. */
public enum SurveyTrigger { MANUAL, OPPORTUNITY_WON, COMPLAINT_CLOSED }
