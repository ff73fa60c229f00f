package org.relationcrm.dataimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file read as a stream of records, in its layout (Apache Commons CSV: quotes, line breaks in cells). */
final class CsvReading {

    private CsvReading() {
    }

    /** The layout of a stream whose first bytes are not yet read; the stream is reset to its start. */
    static CsvLayout sniff(BufferedInputStream in) throws IOException {
        in.mark(CsvLayout.SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(CsvLayout.SNIFF_BYTES);
        in.reset();
        return CsvLayout.detect(head, head.length);
    }

    static CSVParser parser(InputStream in, CsvLayout layout) throws IOException {
        if (layout.byteOrderMark()) {
            in.skipNBytes(3);
        }
        Reader reader = new InputStreamReader(in, layout.charset());
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180)
                .setDelimiter(layout.delimiter())
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        return CSVParser.builder().setReader(reader).setFormat(format).get();
    }

    static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(value == null ? null : value.replace("\u0000", ""));
        }
        return cells;
    }
}
