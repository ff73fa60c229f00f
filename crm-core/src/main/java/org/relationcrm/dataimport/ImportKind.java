package org.relationcrm.dataimport;

import java.util.Arrays;
import java.util.List;

/**
 * What a file brings in: companies, people (of a company or private customers), interactions with clients, or
 * orders (one row per order line, the rows sharing an order's reference forming that order).
 */
public enum ImportKind {
    COMPANIES, PEOPLE, INTERACTIONS, ORDERS;

    /** The fields a column of this kind of file may fill, in the order the mapping form shows them. */
    public List<ImportField> fields() {
        return Arrays.stream(ImportField.values()).filter(f -> f.kind() == this).toList();
    }
}
