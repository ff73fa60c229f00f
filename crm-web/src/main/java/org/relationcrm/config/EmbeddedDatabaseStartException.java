package org.relationcrm.config;

import java.nio.file.Path;

/** The embedded PostgreSQL did not start; {@link EmbeddedDatabaseFailureAnalyzer} tells the user what to do. */
class EmbeddedDatabaseStartException extends RuntimeException {

    private final Path dataDir;
    private final boolean inUse;

    EmbeddedDatabaseStartException(Path dataDir, Throwable cause) {
        super("The embedded PostgreSQL could not start with its data in " + dataDir, cause);
        this.dataDir = dataDir;
        this.inUse = false;
    }

    private EmbeddedDatabaseStartException(Path dataDir, String message) {
        super(message);
        this.dataDir = dataDir;
        this.inUse = true;
    }

    /** Another Relation, still running, holds the data folder. */
    static EmbeddedDatabaseStartException inUse(Path dataDir) {
        return new EmbeddedDatabaseStartException(dataDir,
                "Another Relation is running with its data in " + dataDir + ": stop it first, or choose another "
                        + "data folder.");
    }

    Path dataDir() {
        return dataDir;
    }

    boolean inUse() {
        return inUse;
    }
}
