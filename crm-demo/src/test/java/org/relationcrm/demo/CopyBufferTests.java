package org.relationcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CopyBufferTests {

    @Test
    void textIsEscapedForCopyAndNullIsBackslashN() throws Exception {
        CopyBuffer buffer = new CopyBuffer(16);
        buffer.text("a\tb\\c\nd\re").text(null).text("Hélène").bool(true).number(-42);
        buffer.endRow();
        assertThat(buffer.contentForTests()).isEqualTo("a\\tb\\\\c\\nd\\re\t\\N\tHélène\tt\t-42\n");
    }

    @Test
    void timestampsAreWrittenInUtcAndDatesAsIso() throws Exception {
        CopyBuffer buffer = new CopyBuffer(16);
        Instant instant = Instant.parse("2024-02-29T23:05:09Z");
        buffer.timestamp(instant.getEpochSecond()).date(LocalDate.of(1999, 12, 31).toEpochDay())
                .date(LocalDate.of(2000, 3, 1).toEpochDay());
        buffer.endRow();
        assertThat(buffer.contentForTests()).isEqualTo("2024-02-29 23:05:09+00\t1999-12-31\t2000-03-01\n");
    }

    @Test
    void piecesMakeOneValueWithZeroPaddedNumbers() throws Exception {
        CopyBuffer buffer = new CopyBuffer(4);
        buffer.part("Relance devis – D".getBytes(StandardCharsets.UTF_8)).partNumber(4, 2).part(new byte[] {'-'})
                .partNumber(123, 5).endValue().number(7);
        buffer.endRow();
        assertThat(buffer.contentForTests()).isEqualTo("Relance devis – D04-00123\t7\n");
    }

    @Test
    void everyDayOfFourCenturiesIsFormattedLikeLocalDate() throws Exception {
        for (long day = LocalDate.of(1900, 1, 1).toEpochDay(); day < LocalDate.of(2300, 1, 1).toEpochDay(); day += 1) {
            CopyBuffer buffer = new CopyBuffer(16);
            buffer.date(day);
            buffer.endRow();
            assertThat(buffer.contentForTests()).isEqualTo(LocalDate.ofEpochDay(day) + "\n");
        }
    }
}
