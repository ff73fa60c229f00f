package org.relationcrm.client;

import java.util.List;

/** A saved client that looks like the one a form is about to save, with why; the form links to it. */
public record DuplicateHint(long id, String name, String city, List<DuplicateReason> reasons) {

    public DuplicateHint {
        reasons = List.copyOf(reasons);
    }
}
