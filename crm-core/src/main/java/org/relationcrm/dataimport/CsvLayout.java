package org.relationcrm.dataimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file is written, found from its first bytes: UTF-8 when it starts with a byte-order mark or its bytes are
 * valid UTF-8, otherwise Windows-1252 (what Excel writes for "CSV" on a French Windows); {@code ;} between columns
 * when the first line has more semicolons than commas (French spreadsheets), {@code ,} otherwise.
 */
public record CsvLayout(Charset charset, boolean byteOrderMark, char delimiter) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** How many first bytes are looked at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    public static CsvLayout detect(byte[] head, int length) {
        boolean bom = length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        Charset charset = bom || validUtf8(head, length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        int start = bom ? 3 : 0;
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = start; i < length; i++) {
            byte b = head[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted && b == ';') {
                semicolons++;
            } else if (!quoted && b == ',') {
                commas++;
            }
        }
        return new CsvLayout(charset, bom, semicolons > commas ? ';' : ',');
    }

    /** Valid UTF-8, allowing a multi-byte character cut at the end of the sniffed bytes. */
    private static boolean validUtf8(byte[] head, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = length;
        // don't judge a character the sniff cut in two: drop up to 3 trailing bytes of an unfinished sequence
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if (b >= 0xC0) { // a lead byte: is its sequence complete?
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (back < needed && length == SNIFF_BYTES) {
                    end -= back;
                }
                break;
            }
            if (b < 0x80) {
                break;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
