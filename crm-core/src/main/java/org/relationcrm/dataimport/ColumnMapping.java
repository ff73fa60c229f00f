package org.relationcrm.dataimport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.relationcrm.shared.RuleViolation;

/**
 * Which column of the file fills which field: a column index (0 = the first) per field; a field without one is
 * left as it is (on an update) or empty (on a creation). Guessed from the headers, changed by the user, saved as a
 * named template.
 */
public record ColumnMapping(Map<ImportField, Integer> columns) {

    public ColumnMapping {
        columns = Collections.unmodifiableMap(columns.isEmpty() ? new EnumMap<>(ImportField.class)
                : new EnumMap<>(columns));
    }

    /**
     * The guess: for each field, the header that names it best (its earliest alias), each header used once; fields
     * are served in their order, so "Nom" goes to the company's name before anything else that "nom" could mean.
     */
    public static ColumnMapping guess(ImportKind kind, List<String> headers) {
        Map<ImportField, Integer> found = new EnumMap<>(ImportField.class);
        Set<Integer> used = new HashSet<>();
        // exact matches first by rank (the most specific alias), then fields in order
        for (int rank = 0; rank < 20; rank++) {
            for (ImportField field : kind.fields()) {
                if (found.containsKey(field)) {
                    continue;
                }
                for (int i = 0; i < headers.size(); i++) {
                    if (!used.contains(i) && field.rank(headers.get(i)) == rank) {
                        found.put(field, i);
                        used.add(i);
                        break;
                    }
                }
            }
        }
        return new ColumnMapping(found);
    }

    public Integer column(ImportField field) {
        return columns.get(field);
    }

    public boolean has(ImportField field) {
        return columns.containsKey(field);
    }

    /**
     * Checks the mapping against the file: every column exists, none fills two fields, every required field has
     * one, and the fields are of this kind. The broken rules name the field ({@code mapping[FIELD]}).
     */
    public void check(ImportKind kind, int columnCount) {
        RuleViolation.Collector broken = RuleViolation.collect();
        Map<Integer, ImportField> taken = new java.util.HashMap<>();
        for (Map.Entry<ImportField, Integer> e : columns.entrySet()) {
            String name = "mapping[" + e.getKey().name() + "]";
            if (e.getKey().kind() != kind) {
                broken.unless(false, name, "import.mapping.wrongKind");
            } else if (e.getValue() < 0 || e.getValue() >= columnCount) {
                broken.unless(false, name, "import.mapping.noSuchColumn");
            } else if (taken.putIfAbsent(e.getValue(), e.getKey()) != null) {
                broken.unless(false, name, "import.mapping.columnTwice");
            }
        }
        for (ImportField field : kind.fields()) {
            if (field.required() && !columns.containsKey(field)) {
                broken.unless(false, "mapping[" + field.name() + "]", "import.mapping.required");
            }
        }
        if (kind == ImportKind.INTERACTIONS && !columns.containsKey(ImportField.INTERACTION_COMPANY)
                && !columns.containsKey(ImportField.INTERACTION_PERSON)) {
            broken.unless(false, "mapping[" + ImportField.INTERACTION_COMPANY.name() + "]",
                    "import.mapping.companyOrPerson");
        }
        if (kind == ImportKind.ORDERS && !columns.containsKey(ImportField.ORDER_UNIT_PRICE)
                && !columns.containsKey(ImportField.ORDER_AMOUNT)) {
            broken.unless(false, "mapping[" + ImportField.ORDER_UNIT_PRICE.name() + "]",
                    "import.mapping.priceOrAmount");
        }
        broken.throwIfAny();
    }

    /** As stored: {@code FIELD=index} pairs separated by commas. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        columns.forEach((field, index) -> parts.add(field.name() + "=" + index));
        return String.join(",", parts);
    }

    public static ColumnMapping decode(String text) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                String[] kv = part.split("=", 2);
                try {
                    columns.put(ImportField.valueOf(kv[0]), Integer.parseInt(kv[1]));
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    // a field that no longer exists is dropped
                }
            }
        }
        return new ColumnMapping(columns);
    }
}
