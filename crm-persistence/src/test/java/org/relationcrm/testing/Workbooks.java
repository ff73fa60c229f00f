package org.relationcrm.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel workbooks for the import tests, written with fastexcel: one sheet, a row per list, each value a cell of its
 * type ({@link String}, {@link Number}, {@link LocalDate} with a French date format, {@link LocalDateTime}, a
 * {@link Formula}, {@code null} for no cell).
 */
public final class Workbooks {

    private Workbooks() {
    }

    /**
     * A formula and the value the spreadsheet saved with it, as Excel does (fastexcel writes formulas without one:
     * it is added to the sheet's XML afterwards); an error value ({@code #DIV/0!}) is saved as an error.
     */
    public record Formula(String expression, String cached) {
        boolean error() {
            return cached.startsWith("#");
        }
    }

    public static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook book = new Workbook(out, "Relation tests", "1.0");
            Worksheet sheet = book.newWorksheet("Feuil1");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    switch (value) {
                        case null -> { }
                        case String text -> sheet.value(r, c, text);
                        case BigDecimal number -> sheet.value(r, c, number);
                        case Number number -> sheet.value(r, c, number);
                        case LocalDate date -> {
                            sheet.value(r, c, date);
                            sheet.style(r, c).format("dd/mm/yyyy").set();
                        }
                        case LocalDateTime at -> {
                            sheet.value(r, c, at);
                            sheet.style(r, c).format("dd/mm/yyyy hh:mm").set();
                        }
                        case Formula formula -> sheet.formula(r, c, formula.expression());
                        default -> throw new IllegalArgumentException(value.getClass().getName());
                    }
                }
            }
            book.finish();
            return withCachedValues(out.toByteArray(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook again, each formula's cell given its saved value (read by its central directory). */
    private static byte[] withCachedValues(byte[] xlsx, List<List<Object>> rows) throws IOException {
        Path written = Files.createTempFile("workbook", ".xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Files.write(written, xlsx);
            try (ZipFile in = new ZipFile(written.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] content;
                    try (InputStream part = in.getInputStream(entry)) {
                        content = part.readAllBytes();
                    }
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        for (List<Object> row : rows) {
                            for (Object value : row) {
                                if (value instanceof Formula f) {
                                    xml = cache(xml, f);
                                }
                            }
                        }
                        content = xml.getBytes(StandardCharsets.UTF_8);
                    }
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(written);
        }
        return out.toByteArray();
    }

    private static String cache(String xml, Formula f) {
        Matcher cell = Pattern.compile("(<c r=\"[A-Z]+\\d+\"(?: s=\"\\d+\")?)><f>" + Pattern.quote(f.expression())
                + "</f></c>").matcher(xml);
        if (!cell.find()) {
            throw new IllegalStateException("formula not written: " + f.expression());
        }
        String saved = cell.group(1) + (f.error() ? " t=\"e\"" : "") + "><f>" + f.expression() + "</f><v>"
                + f.cached() + "</v></c>";
        return xml.substring(0, cell.start()) + saved + xml.substring(cell.end());
    }
}
