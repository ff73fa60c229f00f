package org.relationcrm.shared.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A CSV file written to the response as its rows come (constant memory, the first bytes leave at once): UTF-8 with a
 * byte-order mark, so that spreadsheet software reads accents; {@code ;} between columns where the reader's decimal
 * separator is a comma (French), {@code ,} otherwise; lines end with CRLF. A cell a spreadsheet would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}) is prefixed with a quote mark. Dates and numbers in the reader's
 * formats ({@code 31/12/2025}, {@code 1 234}). Flushed every {@link #FLUSH_EVERY} rows.
 */
public final class CsvDownload implements ListDownload {

    public static final int FLUSH_EVERY = 500;

    private final Writer out;
    private final char separator;
    private final Locale locale;
    private final DateTimeFormatter dates;
    private long rows;

    private CsvDownload(Writer out, Locale locale) {
        this.out = out;
        this.separator = separatorFor(locale);
        this.locale = locale;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
    }

    /** Sets the headers of a CSV attachment named {@code fileName} and writes the byte-order mark. */
    public static CsvDownload start(HttpServletResponse response, String fileName, Locale locale) throws IOException {
        ListDownload.attachment(response, "text/csv; charset=UTF-8", fileName);
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return new CsvDownload(out, locale);
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

    /** A row of texts, {@link LocalDate}s, {@link Number}s or nulls, the last two in the reader's formats. */
    @Override
    public void row(List<?> values) {
        write(values.stream().map(this::text).toList());
        rows++;
        if (rows % FLUSH_EVERY == 0) {
            flush();
        }
    }

    private String text(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> dates.format(date);
            case Integer n -> NumberFormat.getIntegerInstance(locale).format(n);
            case Long n -> NumberFormat.getIntegerInstance(locale).format(n);
            case Number n -> NumberFormat.getNumberInstance(locale).format(n);
            default -> value.toString();
        };
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void finish() {
        flush();
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
