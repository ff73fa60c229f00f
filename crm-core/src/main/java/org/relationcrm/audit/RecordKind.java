package org.relationcrm.audit;

import java.util.Locale;
import java.util.Optional;

/** The kinds of records whose changes are kept, each with its table (where the trigger of migration V70 sits). */
public enum RecordKind {
    COMPANY("company"),
    CONTACT("contact"),
    DEAL("opportunity"),
    COMPLAINT("complaint"),
    ORDER("customer_order"),
    USER("app_user");

    private final String table;

    RecordKind(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** The kind as written in a URL ({@code /history/company/12}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordKind> ofSlug(String slug) {
        for (RecordKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
