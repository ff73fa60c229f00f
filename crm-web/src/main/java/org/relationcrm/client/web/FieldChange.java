package org.relationcrm.client.web;

/** One field someone else changed while the user was editing: the field's message key and its value now stored. */
record FieldChange(String labelKey, String storedValue) {
}
