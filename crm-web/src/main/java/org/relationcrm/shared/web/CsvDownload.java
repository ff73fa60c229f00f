package org.relationcrm.shared.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A CSV file written to the response as its rows come (constant memory, the first bytes leave at once): UTF-8 with a
 * byte-order mark, so that spreadsheet software reads accents; {@code ;} between columns where the reader's decimal
 * separator is a comma (French), {@code ,} otherwise; lines end with CRLF. A cell a spreadsheet would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}) is prefixed with a quote mark. Flushed every
 * {@link #FLUSH_EVERY} rows.
 */
public final class CsvDownload {

    public static final int FLUSH_EVERY = 500;

    private final Writer out;
    private final char separator;
    private long rows;

    private CsvDownload(Writer out, char separator) {
        this.out = out;
        this.separator = separator;
    }

    /** Sets the headers of a CSV attachment named {@code fileName} and writes the byte-order mark. */
    public static CsvDownload start(HttpServletResponse response, String fileName, Locale locale) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return new CsvDownload(out, separatorFor(locale));
    }

    /** {@code ;} where the decimal separator is a comma (French spreadsheets), {@code ,} otherwise. */
    public static char separatorFor(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
    }

    public char separator() {
        return separator;
    }

    /** Writes a header line (not counted as a row). */
    public void header(List<String> names) {
        write(names);
    }

    public void row(List<String> values) {
        write(values);
        rows++;
        if (rows % FLUSH_EVERY == 0) {
            flush();
        }
    }

    /** The rows written, header excluded. */
    public long rows() {
        return rows;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(separator);
                }
                out.write(cell(values.get(i), separator));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as a CSV cell: quoted when it holds the separator, a quote or a line break; formulas defused. */
    public static String cell(String value, char separator) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-][0-9 .,()]+")) {
            v = "'" + v;
        }
        if (v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
