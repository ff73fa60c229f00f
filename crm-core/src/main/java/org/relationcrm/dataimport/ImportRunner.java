package org.relationcrm.dataimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.relationcrm.audit.AuditActor;
import org.relationcrm.audit.CurrentActor;
import org.relationcrm.dataimport.ImportRows.Checked;
import org.relationcrm.dataimport.ImportRows.CompanyRow;
import org.relationcrm.dataimport.ImportRows.InteractionRow;
import org.relationcrm.dataimport.ImportRows.OrderRow;
import org.relationcrm.dataimport.ImportRows.PersonRow;
import org.relationcrm.dataimport.ImportRows.UserRef;

/**
 * Runs imports in the background, one at a time per application node (a second one waits its turn), on a thread
 * of its own: the file is streamed, its rows checked and written by batches of {@link #BATCH} rows, each batch in
 * one transaction with the job's counters, so the progress read by the page is what is committed. Memory holds one
 * batch. When the application stops during a run, the job is left RUNNING and the next start marks it INTERRUPTED
 * (its committed batches stay; importing the file again updates them).
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    static final int BATCH = 1000;
    /** Rows written from which the tables' statistics are refreshed at the end of the run. */
    static final int ANALYZE_AFTER = 10_000;

    private final ImportStore store;
    private final ImportFiles files;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "import-worker");
        thread.setDaemon(true);
        return thread;
    });

    ImportRunner(ImportStore store, ImportFiles files, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.files = files;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** Jobs a stopped application left running are interrupted: nobody runs them any more. */
    @EventListener(ContextRefreshedEvent.class)
    void interruptLeftovers(ContextRefreshedEvent event) {
        if (event.getApplicationContext().getParent() == null) {
            List<Long> interrupted = store.interruptActive(clock.instant());
            if (!interrupted.isEmpty()) {
                log.warn("Imports {} were interrupted by the application's stop", interrupted);
            }
        }
    }

    void submit(long jobId) {
        worker.submit(() -> run(jobId));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    ImportRows rowsOf(ImportJob job) {
        List<UserRef> users = store.users();
        UserRef importer = users.stream().filter(u -> u.id() == job.ownerId()).findFirst().orElseThrow();
        return new ImportRows(job.kind(), job.mapping(), job.headers(), users, importer,
                job.kind() == ImportKind.ORDERS ? store.productLines() : List.of(), clock.getZone(),
                java.time.LocalDate.now(clock));
    }

    /** Reads the rows after the header, at most {@code limit} (0: all), each with its line (the header is 1). */
    void read(ImportJob job, long limit, RowHandler handler) {
        try (BufferedInputStream in = new BufferedInputStream(files.open(job.fileRef()), 1 << 16);
             CSVParser parser = CsvReading.parser(in, job.layout())) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
            long count = 0;
            while (records.hasNext() && (limit == 0 || count < limit)) {
                CSVRecord record = records.next();
                handler.row(record.getRecordNumber(), CsvReading.cells(record));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface RowHandler {
        void row(long line, List<String> cells);
    }

    void run(long jobId) {
        ImportJob job = store.find(jobId).orElse(null);
        if (job == null || job.state() != ImportState.QUEUED) {
            return;
        }
        String owner = store.users().stream().filter(u -> u.id() == job.ownerId()).map(UserRef::username)
                .findFirst().orElse(null);
        // what the import writes is in the records' history of changes, and the audit log, as the importer's
        CurrentActor.runAs(AuditActor.user(job.ownerId(), owner), () -> run(job));
    }

    private void run(ImportJob job) {
        long jobId = job.id();
        store.start(jobId, clock.instant());
        ImportRows rows = rowsOf(job);
        Progress progress = new Progress(job, rows);
        ImportState end = ImportState.DONE;
        try {
            read(job, 0, (line, cells) -> progress.add(rows.check(line, cells)));
            progress.flush();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the application stops: left RUNNING, marked INTERRUPTED at the next start
            }
            log.error("Import {} failed after {} rows", jobId, progress.done, e);
            end = ImportState.FAILED;
        }
        if (progress.created + progress.updated >= ANALYZE_AFTER) {
            store.analyze(job.kind());
        }
        ImportState state = end;
        // in a transaction, so that after-commit listeners (the event publication registry) hear it too
        transactions.executeWithoutResult(tx -> {
            store.finish(jobId, state, clock.instant());
            events.publishEvent(new ImportFinished(jobId, job.ownerId(), job.kind(), state, progress.done,
                    progress.rejected));
        });
        files.delete(job.fileRef());
    }

    /**
     * The batch being filled and the counters. An orders file's batch never splits an order's rows that follow each
     * other: it is written when full and a row of another order comes. A row of an order an earlier batch wrote (its
     * rows apart in the file, more than a batch away) is refused rather than taken for the whole order.
     */
    private final class Progress {
        final ImportJob job;
        final ImportRows rows;
        final List<Checked<?>> batch = new ArrayList<>(BATCH);
        final List<ImportStore.Rejected> refused = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        /** The references of the orders earlier batches wrote (orders files only). */
        final Set<String> ordersWritten = new HashSet<>();
        String lastReference;
        long done;
        long rejected;
        long created;
        long updated;
        long duplicates;

        Progress(ImportJob job, ImportRows rows) {
            this.job = job;
            this.rows = rows;
        }

        void add(Checked<?> row) {
            if (row.ok() && row.row() instanceof OrderRow order) {
                addOrderRow(row, order); // an order of thousands of rows is refused anyway (too many lines)
            } else if (!row.ok()) {
                refused.add(new ImportStore.Rejected(row.line(), row.cells(), row.errors()));
            } else {
                // a row that finds the same record as one of this batch waits for the next one, so it updates it
                List<String> rowKeys = switch (row.row()) {
                    case CompanyRow c -> c.keys();
                    case PersonRow p -> p.keys();
                    default -> List.of();
                };
                if (rowKeys.stream().anyMatch(keys::contains)) {
                    flush();
                }
                keys.addAll(rowKeys);
                batch.add(row);
            }
            // an orders file's batch is written when full as a new order starts (addOrderRow), or when it holds
            // twice as many rows: memory stays bounded whatever the file
            if (batch.size() + refused.size() >= (job.kind() == ImportKind.ORDERS ? 2 * BATCH : BATCH)) {
                flush();
            }
        }

        private void addOrderRow(Checked<?> row, OrderRow order) {
            boolean sameOrder = order.reference().equals(lastReference);
            if (!sameOrder && batch.size() + refused.size() >= BATCH) {
                flush();
            }
            if (ordersWritten.contains(order.reference())) {
                refused.add(new ImportStore.Rejected(row.line(), row.cells(), List.of(rows.located(
                        new RowError(row.line(), null, "import.error.orderRowsApart", List.of())))));
            } else {
                batch.add(row);
                keys.add(order.reference());
            }
            lastReference = order.reference();
        }

        void flush() {
            if (batch.isEmpty() && refused.isEmpty()) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
            List<Checked<?>> writing = List.copyOf(batch);
            List<ImportStore.Rejected> fromFile = List.copyOf(refused);
            batch.clear();
            refused.clear();
            if (job.kind() == ImportKind.ORDERS) {
                ordersWritten.addAll(keys);
            }
            keys.clear();
            ImportStore.Outcome outcome;
            try {
                outcome = transactions.execute(tx -> write(writing, new ArrayList<>(fromFile)));
            } catch (org.springframework.dao.DataAccessException batchRefused) {
                // one row broke a constraint of the database: write the batch row by row, rejecting that one
                outcome = rowByRow(writing, new ArrayList<>(fromFile));
            }
            done += writing.size() + fromFile.size();
            rejected += fromFile.size() + outcome.refused().size();
            created += outcome.created();
            updated += outcome.updated();
            duplicates += outcome.duplicates().size();
            transactions.executeWithoutResult(tx -> store.progress(job.id(), done, rejected, created, updated,
                    duplicates));
        }

        /** Writes the good rows, then the refused ones (those of the file and those the store refused). */
        private ImportStore.Outcome write(List<Checked<?>> writing, List<ImportStore.Rejected> rejecting) {
            ImportStore.Outcome outcome = writeRows(writing);
            for (RowError error : outcome.refused()) {
                writing.stream().filter(c -> c.line() == error.line()).findFirst().ifPresent(c ->
                        rejecting.add(new ImportStore.Rejected(c.line(), c.cells(), List.of(rows.located(error)))));
            }
            store.reject(job.id(), rejecting);
            store.duplicates(job.id(), outcome.duplicates());
            return outcome;
        }

        /** The batch again, one record at a time (an order with all its rows), rejecting the one refused. */
        private ImportStore.Outcome rowByRow(List<Checked<?>> writing, List<ImportStore.Rejected> rejecting) {
            int createdHere = 0;
            int updatedHere = 0;
            List<DuplicateHit> hits = new ArrayList<>();
            List<RowError> refusedHere = new ArrayList<>();
            java.util.Map<Object, List<Checked<?>>> records = new java.util.LinkedHashMap<>();
            for (Checked<?> row : writing) {
                Object record = row.row() instanceof OrderRow order ? order.reference() : row;
                records.computeIfAbsent(record, r -> new ArrayList<>()).add(row);
            }
            for (List<Checked<?>> record : records.values()) {
                try {
                    ImportStore.Outcome one = transactions.execute(tx -> writeRows(record));
                    createdHere += one.created();
                    updatedHere += one.updated();
                    hits.addAll(one.duplicates());
                    for (RowError error : one.refused()) {
                        refusedHere.add(error);
                        record.stream().filter(c -> c.line() == error.line()).findFirst().ifPresent(c ->
                                rejecting.add(new ImportStore.Rejected(c.line(), c.cells(),
                                        List.of(rows.located(error)))));
                    }
                } catch (org.springframework.dao.DataIntegrityViolationException refusedRecord) {
                    for (Checked<?> row : record) {
                        RowError error = new RowError(row.line(), null, constraintCode(refusedRecord), List.of());
                        refusedHere.add(error);
                        rejecting.add(new ImportStore.Rejected(row.line(), row.cells(), List.of(error)));
                    }
                }
            }
            transactions.executeWithoutResult(tx -> {
                store.reject(job.id(), rejecting);
                store.duplicates(job.id(), hits);
            });
            return new ImportStore.Outcome(createdHere, updatedHere, refusedHere, hits);
        }

        @SuppressWarnings("unchecked")
        private ImportStore.Outcome writeRows(List<Checked<?>> rows) {
            if (rows.isEmpty()) {
                return new ImportStore.Outcome(0, 0, List.of(), List.of());
            }
            List<Object> values = rows.stream().map(c -> (Object) c.row()).toList();
            return switch (job.kind()) {
                case COMPANIES -> store.writeCompanies((List<CompanyRow>) (List<?>) values, job.ownerId(),
                        clock.instant());
                case PEOPLE -> store.writePeople((List<PersonRow>) (List<?>) values, clock.instant());
                case INTERACTIONS -> store.writeInteractions((List<InteractionRow>) (List<?>) values,
                        clock.instant());
                case ORDERS -> writeOrders((List<OrderRow>) (List<?>) values);
            };
        }

        /** The batch's rows as orders; those refused as a group join those the store refuses. */
        private ImportStore.Outcome writeOrders(List<OrderRow> values) {
            ImportRows.OrderBatch grouped = ImportRows.groupOrders(values);
            ImportStore.Outcome written = grouped.orders().isEmpty()
                    ? new ImportStore.Outcome(0, 0, List.of(), List.of())
                    : store.writeOrders(grouped.orders(), job.ownerId(), clock.instant());
            List<RowError> refusedHere = new ArrayList<>(grouped.refused());
            refusedHere.addAll(written.refused());
            return new ImportStore.Outcome(written.created(), written.updated(), refusedHere, written.duplicates());
        }
    }

    /** The reason of a row the database refused, from the constraint's name when it says something to a user. */
    static String constraintCode(Exception refused) {
        String text = String.valueOf(refused.getMessage());
        if (text.contains("company_siren_unique")) {
            return "import.error.sirenTaken";
        }
        if (text.contains("external_id")) {
            return "import.error.externalIdTaken";
        }
        return "import.error.refused";
    }
}
