package org.relationcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SliceTests {

    @Test
    void sliceWithACursorHasANextPage() {
        assertThat(new Slice<>(List.of("a", "b"), "cursor").hasNext()).isTrue();
    }

    @Test
    void lastSliceHasNoNextPage() {
        assertThat(new Slice<>(List.of("a"), null).hasNext()).isFalse();
    }
}
