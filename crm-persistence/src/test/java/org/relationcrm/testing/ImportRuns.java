package org.relationcrm.testing;

import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportService;
import org.relationcrm.team.Actor;

/** Waits for an import's background run, 10 s at most. */
public final class ImportRuns {

    private ImportRuns() {
    }

    public static ImportJob finished(ImportService imports, long id, Actor owner) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            ImportJob now = imports.get(id, owner);
            if (now.state().finished()) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not end");
    }
}
