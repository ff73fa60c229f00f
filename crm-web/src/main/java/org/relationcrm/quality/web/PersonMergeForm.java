package org.relationcrm.quality.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.relationcrm.quality.PersonField;

/**
 * The merge form of two people as the browser sends it: which record survives, which one is merged into it, the
 * version of each as the user saw them, and the fields whose value is taken from the merged record.
 */
record PersonMergeForm(@NotNull Long survivorId, @NotNull Long loserId, @NotNull Long survivorVersion,
                       @NotNull Long loserVersion, List<PersonField> fromLoser) {

    Set<PersonField> fields() {
        return fromLoser == null || fromLoser.isEmpty() ? EnumSet.noneOf(PersonField.class) : EnumSet.copyOf(fromLoser);
    }
}
