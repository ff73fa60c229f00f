package org.relationcrm.shared.persistence;

import java.util.Map;
import java.util.Optional;

/**
 * The SQL of a saved subset of the companies (a segment), for another feature's list to filter by: a statement
 * selecting company ids, with its parameters, whose names are the subset's own (prefixed) so they cannot collide
 * with the list's. Only values are parameters; the text depends on which criteria are set, never on what was typed.
 */
public interface CompanySubsets {

    /** {@code select ... id ...} of the subset's companies, or empty if there is no such subset. */
    Optional<CompanyIds> companyIds(long subsetId);

    record CompanyIds(String sql, Map<String, Object> params) {
    }
}
