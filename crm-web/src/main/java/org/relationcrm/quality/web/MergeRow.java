package org.relationcrm.quality.web;

/**
 * One line of a merge form (two companies or two people): a field ({@link org.relationcrm.quality.MergeField} or
 * {@link org.relationcrm.quality.PersonField}), each record's value as shown (or the message code that words it: a
 * status, a size, a channel, a consent), whether they differ, whether the merged record's value is ticked, and a
 * warning to show next to it (a message code: taking it turns a refusal into a consent), or null.
 */
record MergeRow(Enum<?> field, Object survivorValue, String survivorCode, Object loserValue, String loserCode,
                boolean differ, boolean takeLoser, String warning) {
}
