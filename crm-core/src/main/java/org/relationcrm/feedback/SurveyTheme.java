package org.relationcrm.feedback;

/** The theme an agent gives an answer, so feedback can be acted on by subject. */
public enum SurveyTheme { PRODUCT, PRICE, DELIVERY, SUPPORT, RELATIONSHIP, BILLING, OTHER }
