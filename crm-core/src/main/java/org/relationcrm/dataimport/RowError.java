package org.relationcrm.dataimport;

import java.util.List;

/**
 * Why a row was rejected: its line in the file (the header is line 1), the header of the column at fault (null when
 * the row as a whole is), and a message code with its arguments (the rule's own code when the aggregate refused the
 * value, such as {@code Size} or {@code company.legalId.invalid}; {@code import.error.*} otherwise).
 */
public record RowError(long line, String column, String code, List<Object> args) {

    public RowError {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
