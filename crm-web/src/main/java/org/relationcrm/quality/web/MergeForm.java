package org.relationcrm.quality.web;

import java.util.List;
import java.util.Set;
import java.util.EnumSet;

import jakarta.validation.constraints.NotNull;

import org.relationcrm.quality.MergeField;

/**
 * The merge form as the browser sends it: which record survives, which one is merged into it, the version of each
 * as the user saw them, and the fields whose value is taken from the merged record.
 */
record MergeForm(@NotNull Long survivorId, @NotNull Long loserId, @NotNull Long survivorVersion,
                 @NotNull Long loserVersion, List<MergeField> fromLoser) {

    Set<MergeField> fields() {
        return fromLoser == null || fromLoser.isEmpty() ? EnumSet.noneOf(MergeField.class) : EnumSet.copyOf(fromLoser);
    }
}
