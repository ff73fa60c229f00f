package org.relationcrm.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineCursorTests {

    @Test
    void cursorSurvivesEncodeAndDecode() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("2025-06-15T10:00:00Z"), 42L);

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void nanosecondsSurviveEncodeAndDecode() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("2025-06-15T10:00:00.123456789Z"), 7L);

        TimelineCursor decoded = TimelineCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.occurredAt().getNano()).isEqualTo(123_456_789);
    }

    @Test
    void leadingZeroNanosecondsSurviveEncodeAndDecode() {
        TimelineCursor cursor = new TimelineCursor(Instant.ofEpochSecond(1_750_000_000L, 1L), 1L);

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void microsecondPrecisionAsStoredByPostgresSurvivesEncodeAndDecode() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("2025-06-15T10:00:00.000001Z"), 3L);

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void instantBeforeTheEpochSurvivesEncodeAndDecode() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("1969-12-31T23:59:59.5Z"), 5L);

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void largeIdSurvivesEncodeAndDecode() {
        TimelineCursor cursor = new TimelineCursor(Instant.EPOCH, Long.MAX_VALUE);

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void encodedCursorIsSafeInAUrl() {
        assertThat(new TimelineCursor(Instant.parse("2025-06-15T10:00:00.5Z"), 9L).encode()).matches("[0-9.\\-]+");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "1.2", "1.2.3.4", "a.b.c", "1..3", "1.2.x", "..", "1.2.3 ",
            "99999999999999999999.0.1", "1.0.99999999999999999999"})
    void garbageIsRefused(String encoded) {
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineCursor.decode(encoded));
    }
}
