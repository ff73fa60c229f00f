package org.relationcrm.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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

    /** Copies the upload, at most {@code maxBytes}; the reference of the copy. */
    String save(InputStream in) {
        try {
            Files.createDirectories(folder);
            String ref = UUID.randomUUID() + ".csv";
            Files.copy(in, folder.resolve(ref), StandardCopyOption.REPLACE_EXISTING);
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
