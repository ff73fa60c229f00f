package org.relationcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BulkOutcomeTests {

    record Row(Long id, long version, boolean open, boolean mine) {
    }

    @Test
    void eachItemIsAppliedOrLeftAsItIsForOneReason() {
        List<Row> loaded = List.of(new Row(1L, 3, true, true), new Row(2L, 5, true, true),
                new Row(3L, 1, false, true), new Row(4L, 0, true, false));
        List<Long> touched = new ArrayList<>();

        BulkOutcome outcome = BulkOutcome.apply(
                List.of(new ItemRef(1, 3), new ItemRef(2, 4), new ItemRef(3, 1), new ItemRef(4, 0), new ItemRef(9, 0)),
                loaded, Row::id, Row::version, Row::open, Row::mine, r -> touched.add(r.id()));

        // 2: edited since (version 5, seen at 4); 3: done meanwhile; 9: gone; 4: not the user's
        assertThat(touched).containsExactly(1L);
        assertThat(outcome).isEqualTo(new BulkOutcome(1, 3, 1, 0));
        assertThat(outcome.plus(BulkOutcome.kept(2))).isEqualTo(new BulkOutcome(1, 3, 1, 2));
        assertThat(outcome.plus(BulkOutcome.kept(2)).total()).isEqualTo(7);
    }
}
