package org.relationcrm.dataimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.relationcrm.shared.RuleViolation;

/**
 * The uploaded files, kept in a folder ({@code relation.import.folder}, by default next to the embedded database's
 * data) until their import is done: a file is read twice at most (the count at upload, the run), streamed, never
 * held in memory. Each is named by a random reference, so several databases may share the folder (tests).
 */
@Component
class ImportFiles {

    private final Path folder;

    ImportFiles(@Value("${relation.import.folder:${user.home}/.relation/imports}") Path folder) {
        this.folder = folder;
    }

    /**
     * Copies the upload; the reference of the copy. An Excel workbook (.xlsx, known by its first bytes whatever its
     * name) is kept as the CSV of its first sheet ({@link XlsxReading}), so every later step reads CSV; an old
     * binary .xls is refused.
     */
    String save(InputStream upload) {
        try {
            Files.createDirectories(folder);
            String ref = UUID.randomUUID() + ".csv";
            BufferedInputStream in = new BufferedInputStream(upload);
            in.mark(XlsxReading.HEAD_BYTES);
            byte[] head = in.readNBytes(XlsxReading.HEAD_BYTES);
            in.reset();
            if (XlsxReading.isOldExcel(head)) {
                throw new RuleViolation("file", "import.file.oldExcel");
            }
            if (XlsxReading.isWorkbook(head)) {
                Path workbook = folder.resolve(UUID.randomUUID() + ".xlsx");
                try {
                    Files.copy(in, workbook);
                    XlsxReading.toCsv(workbook, folder.resolve(ref));
                } finally {
                    Files.deleteIfExists(workbook);
                }
            } else {
                Files.copy(in, folder.resolve(ref), StandardCopyOption.REPLACE_EXISTING);
            }
            return ref;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open(String ref) throws IOException {
        return Files.newInputStream(path(ref));
    }

    long size(String ref) throws IOException {
        return Files.size(path(ref));
    }

    boolean exists(String ref) {
        return ref != null && Files.isRegularFile(path(ref));
    }

    void delete(String ref) {
        try {
            Files.deleteIfExists(path(ref));
        } catch (IOException e) {
            // left for the operator: the folder only holds files of finished imports then
        }
    }

    private Path path(String ref) {
        if (!ref.matches("[0-9a-f-]{36}\\.csv")) {
            throw new IllegalArgumentException("not a file reference");
        }
        return folder.resolve(ref);
    }
}
