package org.relationcrm.request;

/** What a request asks for; each kind has its service level per receiving department ({@link ServiceLevel}). */
public enum RequestKind {
    QUESTION, SPECIAL_TERMS, DELIVERY_CHANGE, TECHNICAL_HELP, CREDIT_NOTE, CLIENT_INFORMATION, OTHER
}
