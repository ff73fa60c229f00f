package org.relationcrm.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A list written to the response as a file, row by row as it is read (the first bytes leave at once, memory holds a
 * few hundred rows whatever the size): CSV ({@link CsvDownload}) or Excel ({@link XlsxDownload}), chosen by the
 * {@code format} parameter of the export's URL. A row's values are {@link String}s, {@link Number}s,
 * {@link java.time.LocalDate}s or null: typed cells in Excel, the reader's formats in CSV.
 */
public interface ListDownload {

    enum Format {
        CSV, XLSX
    }

    /**
     * Starts the download of {@code baseName}.csv or .xlsx ({@code title} names the sheet) and writes the header.
     */
    static ListDownload start(Format format, HttpServletResponse response, String baseName, String title,
                              List<String> header, Locale locale) throws IOException {
        if (format == Format.XLSX) {
            return XlsxDownload.start(response, baseName + ".xlsx", title, header, locale);
        }
        CsvDownload csv = CsvDownload.start(response, baseName + ".csv", locale);
        csv.header(header);
        csv.flush(); // the download starts now, before the first row is read
        return csv;
    }

    /** Sets the headers of a file to download, named {@code fileName} (other characters than ASCII made {@code _}). */
    static void attachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    void row(List<?> values);

    /** The rows written, header excluded. */
    long rows();

    /** Writes what is left; the response is complete. */
    void finish();
}
