package org.relationcrm.dataimport;

/**
 * An import's run ended (done, failed or interrupted): who ran it, what it brought, how many rows it wrote and
 * rejected. For the audit log. Published with the job's final state, in the transaction that records it.
 */
public record ImportFinished(long jobId, long actorId, ImportKind kind, ImportState state, long rowsDone,
                             long rowsRejected) {
}
