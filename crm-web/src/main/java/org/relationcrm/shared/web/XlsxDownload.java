package org.relationcrm.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook (.xlsx) written to the response as its rows come, like {@link CsvDownload}: fastexcel writes the
 * sheet's XML straight into the zip, so the first bytes leave at once and memory holds the rows of one flush
 * ({@link #FLUSH_EVERY}) whatever the size. One sheet, a bold header row that stays in view; typed cells: text as
 * inline strings (no table of every distinct text kept until the end), numbers as numbers, dates as dates shown in
 * the reader's short format with four-digit years. Text is never read as a
 * formula by a spreadsheet, so nothing needs defusing.
 */
public final class XlsxDownload implements ListDownload {

    public static final int FLUSH_EVERY = 500;
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final OutputStream out;
    private final Workbook book;
    private final Worksheet sheet;
    private final String dateFormat;
    private final BitSet dates = new BitSet();
    private int next;
    private int unstyled;

    private XlsxDownload(OutputStream out, Workbook book, Worksheet sheet, String dateFormat) {
        this.out = out;
        this.book = book;
        this.sheet = sheet;
        this.dateFormat = dateFormat;
    }

    /**
     * Sets the headers of an .xlsx attachment named {@code fileName}, writes the header row (its labels also size the
     * columns) and sends the first bytes.
     */
    public static XlsxDownload start(HttpServletResponse response, String fileName, String sheetName,
                                     List<String> header, Locale locale) throws IOException {
        ListDownload.attachment(response, CONTENT_TYPE, fileName);
        OutputStream out = response.getOutputStream();
        Workbook book = new Workbook(out, "Relation", null);
        Worksheet sheet = book.newWorksheet(sheetName(sheetName));
        XlsxDownload xlsx = new XlsxDownload(out, book, sheet, dateFormat(locale));
        for (int c = 0; c < header.size(); c++) {
            sheet.width(c, Math.max(12, Math.min(60, header.get(c).length() + 4)));
            sheet.inlineString(0, c, header.get(c));
        }
        sheet.range(0, 0, 0, Math.max(0, header.size() - 1)).style().bold().set();
        sheet.freezePane(0, 1);
        xlsx.next = 1;
        xlsx.unstyled = 1;
        xlsx.flush(); // the download starts now, before the first row is read
        return xlsx;
    }

    /** A name Excel accepts for a sheet: 31 characters at most, none of {@code \\ / ? * [ ] :}. */
    static String sheetName(String title) {
        String name = title == null ? "" : title.replaceAll("[\\\\/?*\\[\\]:']", " ").strip();
        name = name.length() > 31 ? name.substring(0, 31).strip() : name;
        return name.isEmpty() ? "1" : name;
    }

    /**
     * The reader's short date pattern as an Excel number format: {@code dd/mm/yyyy} in French, {@code m/d/yyyy} in
     * English.
     */
    static String dateFormat(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        return pattern.replaceAll("y+", "yyyy").replace('M', 'm').replaceAll("[^dmy/.\\- ]", "");
    }

    /** A row: each value a {@link String}, a {@link Number}, a {@link LocalDate} or null. */
    @Override
    public void row(List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            switch (values.get(c)) {
                case null -> { }
                case String text -> sheet.inlineString(next, c, text);
                case Number number -> sheet.value(next, c, number);
                case LocalDate date -> {
                    sheet.value(next, c, date);
                    dates.set(c);
                }
                default -> throw new IllegalArgumentException(values.get(c).getClass().getName());
            }
        }
        next++;
        if ((next - 1) % FLUSH_EVERY == 0) {
            flush();
        }
    }

    @Override
    public long rows() {
        return next - 1L;
    }

    /** Writes the end of the workbook (styles, parts); the response is complete. */
    @Override
    public void finish() {
        try {
            styleRows();
            sheet.finish();
            book.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            styleRows();
            sheet.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The formats of the rows written since the last flush, set by column range (one style per range). */
    private void styleRows() {
        if (next > unstyled) {
            dates.stream().forEach(c -> sheet.range(unstyled, c, next - 1, c).style().format(dateFormat).set());
        }
        dates.clear();
        unstyled = next;
    }
}
