package org.relationcrm.dataimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

import org.relationcrm.dataimport.ImportRows.UserRef;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The steps of an import: upload (the file kept, its layout found, its rows counted, a mapping guessed), mapping
 * (checked, saved as a template on request), preview (the first rows checked), run (queued for the background
 * {@link ImportRunner}), and afterwards the rejected rows. An import is its owner's: anyone else gets a 404.
 */
@Service
public class ImportService {

    public static final int PREVIEW_ROWS = 20;
    public static final int MAX_COLUMNS = 200;
    public static final int LIST_SIZE = 50;

    private final ImportStore store;
    private final ImportFiles files;
    private final ImportRunner runner;
    private final Clock clock;

    ImportService(ImportStore store, ImportFiles files, ImportRunner runner, Clock clock) {
        this.store = store;
        this.files = files;
        this.runner = runner;
        this.clock = clock;
    }

    /** A preview row: its line, its cells and the errors found. */
    public record PreviewRow(long line, List<String> cells, List<RowError> errors) {
    }

    /**
     * Keeps the file and creates its import. Refused (on the field {@code file}) when the file is empty, has no
     * header or no row, or more than {@link #MAX_COLUMNS} columns, or is not text.
     */
    public ImportJob upload(ImportKind kind, String fileName, InputStream content, Actor actor) {
        actor.require(Permission.IMPORT_DATA);
        if (kind == null) {
            throw new RuleViolation("kind", "import.kind.required");
        }
        if (kind == ImportKind.ORDERS) {
            actor.require(Permission.MANAGE_ORDERS); // the order desk's orders: as if placed by hand
        }
        String ref = files.save(content);
        try {
            CsvLayout layout;
            List<String> headers;
            long rows = 0;
            try (BufferedInputStream in = new BufferedInputStream(files.open(ref))) {
                layout = CsvReading.sniff(in);
                try (CSVParser parser = CsvReading.parser(in, layout)) {
                    Iterator<CSVRecord> records = parser.iterator();
                    if (!records.hasNext()) {
                        throw new RuleViolation("file", "import.file.empty");
                    }
                    headers = CsvReading.cells(records.next());
                    if (headers.size() > MAX_COLUMNS) {
                        throw new RuleViolation("file", "import.file.tooManyColumns", MAX_COLUMNS);
                    }
                    if (headers.stream().anyMatch(h -> h.indexOf('\uFFFD') >= 0 || h.length() > 200)) {
                        throw new RuleViolation("file", "import.file.notCsv");
                    }
                    while (records.hasNext()) {
                        records.next();
                        rows++;
                    }
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    throw new RuleViolation("file", "import.file.notCsv");
                }
            }
            if (rows == 0) {
                throw new RuleViolation("file", "import.file.noRows");
            }
            String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
            name = name.length() > 200 ? name.substring(name.length() - 200) : name;
            long id = store.create(actor.userId(), kind, name, ref, layout, headers, rows,
                    ColumnMapping.guess(kind, headers), clock.instant());
            return store.find(id).orElseThrow();
        } catch (IOException e) {
            files.delete(ref);
            throw new UncheckedIOException(e);
        } catch (RuntimeException refused) {
            files.delete(ref);
            throw refused;
        }
    }

    public ImportJob get(long id, Actor actor) {
        actor.require(Permission.IMPORT_DATA);
        return store.find(id).filter(job -> job.ownerId() == actor.userId())
                .filter(job -> job.kind() != ImportKind.ORDERS || actor.can(Permission.MANAGE_ORDERS))
                .orElseThrow(() -> new NotFoundException("Import", id));
    }

    /** The kinds of file this user may import: orders only for whoever may manage them. */
    public List<ImportKind> kinds(Actor actor) {
        actor.require(Permission.IMPORT_DATA);
        return java.util.Arrays.stream(ImportKind.values())
                .filter(k -> k != ImportKind.ORDERS || actor.can(Permission.MANAGE_ORDERS)).toList();
    }

    public List<ImportJob> mine(Actor actor) {
        actor.require(Permission.IMPORT_DATA);
        return store.ofOwner(actor.userId(), LIST_SIZE);
    }

    /**
     * Sets the mapping (checked against the file: see {@link ColumnMapping#check}) and, given a name, saves it as
     * the user's template of that name.
     */
    public ImportJob map(long id, ColumnMapping mapping, String templateName, Actor actor) {
        ImportJob job = get(id, actor);
        mapping.check(job.kind(), job.headers().size());
        templateName = templateName == null ? null : templateName.replace("\u0000", "");
        if (templateName != null && templateName.strip().length() > ImportTemplate.MAX_NAME) {
            throw RuleViolation.tooLong("templateName", ImportTemplate.MAX_NAME);
        }
        if (job.state() != ImportState.UPLOADED || !store.map(id, mapping)) {
            throw new RuleViolation(null, "import.alreadyStarted");
        }
        if (templateName != null && !templateName.isBlank()) {
            store.saveTemplate(actor.userId(), job.kind(), templateName.strip(), mapping);
        }
        return get(id, actor);
    }

    public List<ImportTemplate> templates(ImportKind kind, Actor actor) {
        actor.require(Permission.IMPORT_DATA);
        return store.templates(actor.userId(), kind);
    }

    public ImportTemplate template(long templateId, Actor actor) {
        actor.require(Permission.IMPORT_DATA);
        return store.template(templateId, actor.userId())
                .orElseThrow(() -> new NotFoundException("ImportTemplate", templateId));
    }

    /** The first {@link #PREVIEW_ROWS} rows as the run will read them, with the errors it would report. */
    public List<PreviewRow> preview(long id, Actor actor) {
        ImportJob job = get(id, actor);
        if (!files.exists(job.fileRef())) {
            return List.of();
        }
        ImportRows rows = runner.rowsOf(job);
        List<PreviewRow> preview = new ArrayList<>();
        runner.read(job, PREVIEW_ROWS, (line, cells) -> {
            ImportRows.Checked<?> checked = rows.check(line, cells);
            preview.add(new PreviewRow(line, cells, checked.errors()));
        });
        return preview;
    }

    /** Queues the run (the mapping checked once more); it starts as soon as the worker is free. */
    public ImportJob run(long id, Actor actor) {
        ImportJob job = get(id, actor);
        job.mapping().check(job.kind(), job.headers().size());
        if (!files.exists(job.fileRef()) || !store.queue(id)) {
            throw new RuleViolation(null, "import.alreadyStarted");
        }
        runner.submit(id);
        return get(id, actor);
    }

    /** The rejected rows, in line order, to write as a file. */
    public void rejected(long id, Actor actor, Consumer<ImportStore.Rejected> each) {
        get(id, actor);
        store.rejected(id, each);
    }

    public List<ImportStore.Rejected> firstRejected(long id, Actor actor, int limit) {
        get(id, actor);
        return store.firstRejected(id, limit);
    }

    public List<DuplicateHit> duplicates(long id, Actor actor, int limit) {
        get(id, actor);
        return store.duplicatesOf(id, limit);
    }

}
