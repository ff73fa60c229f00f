package org.relationcrm.config;

import java.nio.file.Path;

/** The embedded PostgreSQL did not start; {@link EmbeddedDatabaseFailureAnalyzer} tells the user what to do. */
class EmbeddedDatabaseStartException extends RuntimeException {

    private final Path dataDir;

    EmbeddedDatabaseStartException(Path dataDir, Throwable cause) {
        super("The embedded PostgreSQL could not start with its data in " + dataDir, cause);
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }
}
