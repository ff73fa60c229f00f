package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmbeddedDatabaseFailureAnalyzerTests {

    @Test
    void aFailedEmbeddedStartSaysWhyAndWhatToDoInsteadOfAStackTrace() {
        var failure = new EmbeddedDatabaseStartException(Path.of("/data/relation"),
                new IllegalStateException("start failed", new NoSuchFileException("/data/relation/PG_VERSION")));

        FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("/data/relation")
                .contains("NoSuchFileException: /data/relation/PG_VERSION");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL").contains("RELATION_DATA_DIR");
    }
}
