package org.relationcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaleEditExceptionTests {

    @Test
    void carriesTheEditedAndTheCurrentVersion() {
        StaleEditException stale = new StaleEditException("Company", 3, 5);

        assertThat(stale.expectedVersion()).isEqualTo(3);
        assertThat(stale.currentVersion()).isEqualTo(5);
        assertThat(stale.getMessage()).contains("Company").contains("3").contains("5");
    }

    @Test
    void notFoundNamesWhatAndWhich() {
        assertThat(new NotFoundException("Contact", 42L).getMessage()).isEqualTo("Contact 42 not found");
    }
}
