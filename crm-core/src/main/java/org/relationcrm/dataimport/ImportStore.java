package org.relationcrm.dataimport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.relationcrm.dataimport.ImportRows.CompanyRow;
import org.relationcrm.dataimport.ImportRows.InteractionRow;
import org.relationcrm.dataimport.ImportRows.OrderImport;
import org.relationcrm.dataimport.ImportRows.PersonRow;
import org.relationcrm.dataimport.ImportRows.ProductRef;
import org.relationcrm.dataimport.ImportRows.UserRef;

/** Imports' rows, their rejected rows and templates, and the bulk writes of a batch: one adapter in SQL. */
public interface ImportStore {

    long create(long ownerId, ImportKind kind, String fileName, String fileRef, CsvLayout layout,
                List<String> headers, long totalRows, ColumnMapping mapping, Instant at);

    Optional<ImportJob> find(long id);

    /** A user's imports, newest first. */
    List<ImportJob> ofOwner(long ownerId, int limit);

    /** Sets the mapping of an import not started; false when it was started meanwhile. */
    boolean map(long id, ColumnMapping mapping);

    /** UPLOADED or INTERRUPTED → QUEUED; false when it was not in one of them. */
    boolean queue(long id);

    void start(long id, Instant at);

    /** The counters as of the batch just written, in its transaction. */
    void progress(long id, long done, long rejected, long created, long updated, long duplicates);

    void finish(long id, ImportState state, Instant at);

    /** Jobs left QUEUED or RUNNING (by a stopped application) become INTERRUPTED; their ids. */
    List<Long> interruptActive(Instant at);

    void reject(long jobId, List<Rejected> rows);

    /** The rejected rows of an import, in line order. */
    void rejected(long jobId, Consumer<Rejected> each);

    List<Rejected> firstRejected(long jobId, int limit);

    void duplicates(long jobId, List<DuplicateHit> hits);

    List<DuplicateHit> duplicatesOf(long jobId, int limit);

    List<UserRef> users();

    /** The catalogue's product lines, retired ones included (an old order may hold one). */
    List<ProductRef> productLines();

    /**
     * Refreshes the planner's statistics of the tables a large import of this kind filled, so that the lists read
     * them with the right plans at once rather than after autovacuum's next pass.
     */
    void analyze(ImportKind kind);

    /** What writing a batch did: rows created, updated, and those refused on the way (unknown company…). */
    record Outcome(int created, int updated, List<RowError> refused, List<DuplicateHit> duplicates) {
    }

    Outcome writeCompanies(List<CompanyRow> rows, long importerId, Instant at);

    Outcome writePeople(List<PersonRow> rows, Instant at);

    Outcome writeInteractions(List<InteractionRow> rows, Instant at);

    /**
     * Writes a batch's orders: each finds the order of its reference (external id) and updates it, lines replaced,
     * or is placed anew with the next order number; its client is found by external id, SIREN or exact name. A new
     * order is on its client's timeline (placed, on its date), a delivered one's product lines become the client's,
     * and the tables' triggers (KPI rollups, change history) run as for an order placed by hand. Counts orders;
     * refuses every row of an order whose client is unknown, ambiguous, or not the client of the order found.
     */
    Outcome writeOrders(List<OrderImport> orders, long importerId, Instant at);

    List<ImportTemplate> templates(long ownerId, ImportKind kind);

    Optional<ImportTemplate> template(long id, long ownerId);

    /** Saves or replaces the user's template of that name. */
    void saveTemplate(long ownerId, ImportKind kind, String name, ColumnMapping mapping);

    /** A rejected row: its line, original cells and reasons. */
    record Rejected(long line, List<String> cells, List<RowError> errors) {
    }
}
