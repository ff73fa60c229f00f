package org.relationcrm.demo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format (tab between columns, {@code \N} for null, backslash escapes), written
 * as UTF-8 bytes straight into a buffer. Bound to a {@link CopyIn}, the buffer is sent each time it fills, so a
 * table of millions of rows never sits in memory; unbound, it spools a bounded chunk of rows to send later.
 * Each value is followed by a tab; {@link #endRow()} turns the last one into a newline.
 */
final class CopyBuffer {

    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private CopyIn sink;
    private byte[] bytes;
    private int size;
    private long rows;

    CopyBuffer(int initialCapacity) {
        this.bytes = new byte[Math.max(initialCapacity, 1024)];
    }

    /** Sends every row written from now on to {@code copy}, one full buffer at a time. */
    void bind(CopyIn copy) {
        this.sink = copy;
    }

    /** Sends what is left and finishes the COPY; returns the rows PostgreSQL counted. */
    long finish() throws SQLException {
        CopyIn copy = sink;
        send();
        sink = null;
        rows = 0;
        return copy.endCopy();
    }

    /** Sends the spooled rows to {@code copy} and empties the buffer. */
    void drainTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(bytes, 0, size);
        size = 0;
        rows = 0;
    }

    long rows() {
        return rows;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Drops whatever was written and not sent, after a failure. */
    void discard() {
        size = 0;
        rows = 0;
        sink = null;
    }

    /** A value already in COPY text form (see {@link #escape(String)}). */
    CopyBuffer raw(byte[] value) {
        ensure(value.length + 1);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        bytes[size++] = '\t';
        return this;
    }

    /** A value already in COPY text form, or null. */
    CopyBuffer rawOrNull(byte[] value) {
        return value == null ? nul() : raw(value);
    }

    /** Text, escaped; null gives SQL NULL. */
    CopyBuffer text(String value) {
        return value == null ? nul() : raw(escape(value));
    }

    /** The start or a middle piece of a value made of several pieces; {@link #endValue()} closes it. */
    CopyBuffer part(byte[] piece) {
        ensure(piece.length);
        System.arraycopy(piece, 0, bytes, size, piece.length);
        size += piece.length;
        return this;
    }

    /** A number inside a value, left-padded with zeros to {@code width} digits. */
    CopyBuffer partNumber(long value, int width) {
        ensure(Math.max(width, 20));
        int start = size;
        writeDigits(value);
        int written = size - start;
        if (written < width) {
            int pad = width - written;
            System.arraycopy(bytes, start, bytes, start + pad, written);
            for (int i = 0; i < pad; i++) {
                bytes[start + i] = '0';
            }
            size += pad;
        }
        return this;
    }

    CopyBuffer endValue() {
        ensure(1);
        bytes[size++] = '\t';
        return this;
    }

    CopyBuffer nul() {
        return raw(NULL);
    }

    CopyBuffer bool(boolean value) {
        ensure(2);
        bytes[size++] = (byte) (value ? 't' : 'f');
        bytes[size++] = '\t';
        return this;
    }

    CopyBuffer number(long value) {
        ensure(21);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        writeDigits(value);
        bytes[size++] = '\t';
        return this;
    }

    /** An instant as {@code 2025-03-14 09:12:33+00}. */
    CopyBuffer timestamp(long epochSecond) {
        ensure(24);
        long day = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        writeDate(day);
        bytes[size++] = ' ';
        pair(secondOfDay / 3600);
        bytes[size++] = ':';
        pair(secondOfDay / 60 % 60);
        bytes[size++] = ':';
        pair(secondOfDay % 60);
        bytes[size++] = '+';
        bytes[size++] = '0';
        bytes[size++] = '0';
        bytes[size++] = '\t';
        return this;
    }

    /** A date as {@code 2025-03-14}. */
    CopyBuffer date(long epochDay) {
        ensure(12);
        writeDate(epochDay);
        bytes[size++] = '\t';
        return this;
    }

    void endRow() throws SQLException {
        bytes[size - 1] = '\n';
        rows++;
        if (sink != null && size >= FLUSH_AT) {
            send();
        }
    }

    private void send() throws SQLException {
        if (size > 0) {
            sink.writeToCopy(bytes, 0, size);
            size = 0;
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void writeDigits(long value) {
        if (value < 10) {
            bytes[size++] = (byte) ('0' + value);
            return;
        }
        int start = size;
        while (value > 0) {
            bytes[size++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte b = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = b;
        }
    }

    private void pair(int value) {
        bytes[size++] = DIGIT_PAIRS[2 * value];
        bytes[size++] = DIGIT_PAIRS[2 * value + 1];
    }

    /** Proleptic Gregorian civil date from a day count (H. Hinnant's algorithm), years 0 to 9999. */
    private void writeDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        pair(year / 100);
        pair(year % 100);
        bytes[size++] = '-';
        pair(month);
        bytes[size++] = '-';
        pair(day);
    }

    /** The COPY text form of {@code value}: UTF-8, with backslash, tab, newline and carriage return escaped. */
    static byte[] escape(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int specials = 0;
        for (byte b : utf8) {
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                specials++;
            }
        }
        if (specials == 0) {
            return utf8;
        }
        byte[] escaped = new byte[utf8.length + specials];
        int i = 0;
        for (byte b : utf8) {
            switch (b) {
                case '\\' -> { escaped[i++] = '\\'; escaped[i++] = '\\'; }
                case '\t' -> { escaped[i++] = '\\'; escaped[i++] = 't'; }
                case '\n' -> { escaped[i++] = '\\'; escaped[i++] = 'n'; }
                case '\r' -> { escaped[i++] = '\\'; escaped[i++] = 'r'; }
                default -> escaped[i++] = b;
            }
        }
        return escaped;
    }

    /** The bytes written so far, for tests. */
    String contentForTests() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
