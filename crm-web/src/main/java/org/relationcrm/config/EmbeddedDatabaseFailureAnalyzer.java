package org.relationcrm.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed embedded-database start into a short message saying why and what to do, not a stack trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseStartException cause) {
        if (cause.inUse()) {
            return new FailureAnalysis(cause.getMessage(), """
                    Stop the other Relation, or choose another data folder with --relation.data-dir=/path or \
                    RELATION_DATA_DIR=/path.""", cause);
        }
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String description = "Relation could not start its embedded PostgreSQL (data folder: " + cause.dataDir()
                + ").\nReason: " + root.getClass().getSimpleName() + ": " + root.getMessage();
        String action = """
                Either:
                  - make sure no other Relation is running with the same data folder, and that the folder is writable
                    (choose another one with --relation.data-dir=/path or RELATION_DATA_DIR=/path), or
                  - use a PostgreSQL server of your own: set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://localhost:5432/relation),
                    SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD; nothing embedded is started then.""";
        return new FailureAnalysis(description, action, cause);
    }
}
