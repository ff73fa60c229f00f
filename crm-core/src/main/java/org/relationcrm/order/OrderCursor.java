package org.relationcrm.order;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Where the next page of a client's orders starts: newest first, by order date then id. */
public record OrderCursor(LocalDate orderedOn, long id) {

    /** As it travels in a link: {@code 2026-03-01_123}. */
    @Override
    public String toString() {
        return orderedOn + "_" + id;
    }

    /** The cursor of a link, or null when there is none or it is not one. */
    public static OrderCursor parse(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        int cut = text.indexOf('_');
        if (cut < 0) {
            return null;
        }
        try {
            return new OrderCursor(LocalDate.parse(text.substring(0, cut)), Long.parseLong(text.substring(cut + 1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
