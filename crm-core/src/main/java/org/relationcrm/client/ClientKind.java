package org.relationcrm.client;

/** A client is a company, or a private person with no company. */
public enum ClientKind {
    COMPANY, PERSON
}
