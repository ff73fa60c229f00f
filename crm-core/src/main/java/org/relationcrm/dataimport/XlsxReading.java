package org.relationcrm.dataimport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import org.relationcrm.shared.RuleViolation;

/**
 * An Excel workbook ({@code .xlsx}, also what LibreOffice and Google Sheets save) turned, at upload, into the CSV the
 * rest of the import reads: its first sheet, read as a stream of rows (fastexcel-reader: the sheet's XML is parsed
 * as it is unzipped, never held whole), written as UTF-8 with a byte-order mark, every cell quoted and {@code ,}
 * between them. Blank rows are left out (as a CSV's empty lines are), so the line of an error is the sheet's row
 * when the sheet has no blank row. Cells are written as the importer reads them:
 * <ul>
 * <li>a date (a number with a date format) as an ISO date, {@code 2025-12-31}, with its time when it has one
 * ({@code 2025-12-31T14:30}); a time alone as {@code 14:30};</li>
 * <li>a number with its decimals, rounded to the 15 significant digits a spreadsheet shows ({@code 0.1+0.2} is
 * {@code 0.3}, not {@code 0.30000000000000004}), never in scientific notation;</li>
 * <li>a formula as the value the spreadsheet saved with it (none: empty); an error ({@code #DIV/0!}) as its text, so
 * the preview shows it where a value was expected;</li>
 * <li>an empty cell as an empty cell.</li>
 * </ul>
 * An old binary {@code .xls} is refused with a message asking for {@code .xlsx} or CSV.
 */
final class XlsxReading {

    /** The most the converted CSV may weigh: a zip of a few megabytes can hold a sheet of gigabytes. */
    static final long MAX_CSV_BYTES = 2L * 1024 * 1024 * 1024;

    private static final MathContext SHOWN = new MathContext(15);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** In a number format: quoted text, [colours], [$€-40C], [h] (elapsed time), escaped and padding characters. */
    private static final Pattern NOT_DATE_PARTS = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.|[_*].");
    private static final Pattern DATE_LETTERS = Pattern.compile("(?i).*[dmyhs].*");
    /** An elapsed time ({@code [h]:mm}): a duration, written as its number. */
    private static final Pattern ELAPSED = Pattern.compile("(?i).*\\[(h+|m+|s+)].*");
    private static final Pattern TIME_ONLY = Pattern.compile("(?i)[^dy]*[hs][^dy]*");

    private XlsxReading() {
    }

    /** How many first bytes tell a workbook. */
    static final int HEAD_BYTES = 8;

    /** Whether the first bytes (fewer for a short file) are a zip's, as an .xlsx file's are. */
    static boolean isWorkbook(byte[] head) {
        return ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(head, HEAD_BYTES));
    }

    /** Whether the first bytes (fewer for a short file) are an old binary Excel (.xls) file's. */
    static boolean isOldExcel(byte[] head) {
        return ReadableWorkbook.isOLE2Header(Arrays.copyOf(head, HEAD_BYTES));
    }

    /**
     * Writes the first sheet of {@code workbook} as CSV into {@code csv}; refused (on the field {@code file}) when
     * it is not a workbook that can be read, and the CSV is then deleted.
     */
    static void toCsv(Path workbook, Path csv) throws IOException {
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180).setQuoteMode(QuoteMode.ALL).get();
        boolean done = false;
        try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile(), new ReadingOptions(true, true));
             Stream<Row> rows = book.getFirstSheet().openStream();
             Writer out = new LimitedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), MAX_CSV_BYTES);
             CSVPrinter printer = new CSVPrinter(out, format)) {
            out.write('\uFEFF');
            int width = -1;
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                List<String> cells = cells(it.next());
                if (cells.isEmpty()) {
                    continue;
                }
                width = width < 0 ? cells.size() : width;
                while (cells.size() < width) {
                    cells.add("");
                }
                printer.printRecord(cells);
            }
            done = true;
        } catch (TooLarge e) {
            throw new RuleViolation("file", "import.file.xlsxTooLarge");
        } catch (RuntimeException | IOException unreadable) {
            // fastexcel's own exception, a broken zip or XML, a missing part: not a workbook we can read
            throw new RuleViolation("file", "import.file.notXlsx");
        } finally {
            if (!done) {
                Files.deleteIfExists(csv);
            }
        }
    }

    /** The row's cells up to its last one holding a value; none for a blank row. */
    static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        int last = -1;
        for (int i = 0; i < row.getCellCount(); i++) {
            String text = text(row.getCell(i));
            cells.add(text);
            if (!text.isEmpty()) {
                last = i;
            }
        }
        return new ArrayList<>(cells.subList(0, last + 1));
    }

    /** A cell as the importer reads it (see the class). */
    static String text(Cell cell) {
        if (cell == null || cell.getValue() == null) {
            return cell == null || cell.getRawValue() == null ? "" : cell.getRawValue();
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal number) {
            if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                return dateText(cell.asDate(), cell.getDataFormatId(), cell.getDataFormatString(), number);
            }
            return plain(number);
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        return value.toString();
    }

    /** A number as a spreadsheet shows it: 15 significant digits, no exponent, no trailing zeros. */
    static String plain(BigDecimal number) {
        BigDecimal shown = number.round(SHOWN).stripTrailingZeros();
        return shown.signum() == 0 ? "0" : shown.toPlainString();
    }

    private static String dateText(LocalDateTime at, int id, String format, BigDecimal number) {
        LocalTime time = at.toLocalTime();
        boolean timeFormat = id >= 18 && id <= 21 || id >= 45 && id <= 47
                || format != null && TIME_ONLY.matcher(NOT_DATE_PARTS.matcher(format).replaceAll("")).matches();
        boolean timeOnly = timeFormat && number.abs().compareTo(BigDecimal.ONE) < 0;
        String clock = (time.getSecond() == 0 ? MINUTES : SECONDS).format(time);
        if (timeOnly) {
            return clock;
        }
        return time.equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toLocalDate() + "T" + clock;
    }

    /**
     * Whether a number format shows a date or a time: one of Excel's built-in date formats (14 to 22, 45 to 47, and
     * the East Asian ones), or a custom format with a day, month, year, hour or second once its quoted text, its
     * brackets and its escaped characters are left out; not a duration ({@code [h]:mm}).
     */
    static boolean isDateFormat(Integer id, String format) {
        if (id == null) {
            return false;
        }
        if (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58) {
            return true;
        }
        if (format == null || id < 164 || ELAPSED.matcher(format).matches()) {
            return false;
        }
        String firstSection = NOT_DATE_PARTS.matcher(format).replaceAll("").split(";", -1)[0];
        return DATE_LETTERS.matcher(firstSection).matches() && !firstSection.equalsIgnoreCase("General");
    }

    /** Stops the conversion past a size. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final class LimitedWriter extends Writer {
        private final BufferedWriter out;
        private final long limit;
        private long written;

        LimitedWriter(BufferedWriter out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
                throw new TooLarge();
            }
            out.write(chars, off, len);
        }

        @Override
        public void write(String text, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
                throw new TooLarge();
            }
            out.write(text, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
