package org.relationcrm.shared;

/**
 * An edit was based on a version that someone else has changed meanwhile.
 * Carries the version the editor saw and the one now stored, so the user can be told, and nothing is overwritten.
 */
public class StaleEditException extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public StaleEditException(String what, long expectedVersion, long currentVersion) {
        super(what + " was changed by someone else (edited version " + expectedVersion + ", now " + currentVersion + ")");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
