package org.relationcrm.quality;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The rule both merges follow, field by field: which record a field's value comes from when merging (the survivor's
 * unless the field was ticked for the loser's), and when undoing (the value from before the merge, unless someone
 * changed the field since: an edit made after the merge is kept).
 */
final class FieldChoice {

    private FieldChoice() {
    }

    /** For each field, the record whose value the merged record takes. */
    static <F, D> Function<F, D> merging(D survivor, D loser, Collection<F> fromLoser) {
        Set<F> taken = Set.copyOf(fromLoser);
        return field -> taken.contains(field) ? loser : survivor;
    }

    /** For each field, the record whose value an undo leaves: {@code before} where the merge's value is still there. */
    static <F, D> Function<F, D> undoing(D before, D afterMerge, D now, BiFunction<F, D, Object> value) {
        return field -> Objects.equals(value.apply(field, now), value.apply(field, afterMerge)) ? before : now;
    }
}
