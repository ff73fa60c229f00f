package org.relationcrm.audit.web;

/** How a column's value reads on the history panel. */
enum FieldKind {
    TEXT, ENUM, BOOLEAN, DATE, INSTANT, MONEY, NUMBER, USER, REFERENCE, LANGUAGE
}
