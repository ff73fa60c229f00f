package org.relationcrm.quality.web;

import org.relationcrm.quality.MergeField;

/**
 * One line of the merge form: a field, each record's value as shown (or the message code that words it: a status,
 * a size), whether they differ, and whether the merged record's value is ticked.
 */
record MergeRow(MergeField field, Object survivorValue, String survivorCode, Object loserValue, String loserCode,
                boolean differ, boolean takeLoser) {
}
