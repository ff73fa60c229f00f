package org.relationcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SortCursorTests {

    enum Column implements SortColumn {
        NAME(Key.TEXT), SCORE(Key.NUMBER), SEEN(Key.INSTANT), SIGNED(Key.DATE);

        private final Key key;

        Column(Key key) {
            this.key = key;
        }

        @Override
        public Key key() {
            return key;
        }
    }

    static final ListSort<Column> BY_NAME = new ListSort<>(Column.NAME, false);

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorSurvivesItsTripThroughAUrlWhateverTheName() {
        for (String name : new String[]{"acme", "acme: the return: part 2", "éléonore d'àçcent:ñ ß 東京 😀", ""}) {
            SortCursor cursor = new SortCursor(BY_NAME.code(), false, name, "1", Long.MAX_VALUE);

            assertThat(SortCursor.decode(cursor.encode(), BY_NAME)).isEqualTo(cursor);
            assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void aRowWithoutAValueHasAnEmptyKey() {
        ListSort<Column> bySigned = new ListSort<>(Column.SIGNED, true);
        SortCursor cursor = new SortCursor(bySigned.code(), true, "", "0", 7);

        assertThat(SortCursor.decode(cursor.encode(), bySigned)).isEqualTo(cursor);
        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(
                new SortCursor(bySigned.code(), true, "2026-01-01", "0", 7).encode(), bySigned));
    }

    @Test
    void aCursorOfAnotherSortOrDirectionIsRefused() {
        String cursor = new SortCursor(BY_NAME.code(), false, "acme", "0", 1).encode();

        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(cursor, new ListSort<>(Column.NAME, true)));
        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(cursor, new ListSort<>(Column.SCORE, false)));
    }

    @Test
    void aKeyThatIsNotOfTheColumnsKindIsRefusedBeforeReachingTheDatabase() {
        ListSort<Column> byScore = new ListSort<>(Column.SCORE, true);
        ListSort<Column> bySeen = new ListSort<>(Column.SEEN, true);
        ListSort<Column> bySigned = new ListSort<>(Column.SIGNED, true);

        assertThat(SortCursor.decode(new SortCursor(byScore.code(), false, "-42", "0", 1).encode(), byScore)).isNotNull();
        for (String key : new String[]{"4 2", "1e3", "99999999999999999999", ""}) {
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> SortCursor.decode(
                    new SortCursor(byScore.code(), false, key, "0", 1).encode(), byScore));
        }
        for (String key : new String[]{"yesterday", "9999-12-31T00:00:00Z", "2026-01-01"}) {
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> SortCursor.decode(
                    new SortCursor(bySeen.code(), false, key, "0", 1).encode(), bySeen));
        }
        for (String key : new String[]{"2026-02-30", "0001-01-01", "2026-01-01T00:00:00Z"}) {
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> SortCursor.decode(
                    new SortCursor(bySigned.code(), false, key, "0", 1).encode(), bySigned));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noCursorIsTheFirstPage(String encoded) {
        assertThat(SortCursor.decode(encoded, BY_NAME)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor", "%%%", "abc!", "Zm9v"})
    void garbageIsRefused(String encoded) {
        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(encoded, BY_NAME));
    }

    @Test
    void aKindThatIsNotARankOrANulInTheNameIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(base64("NAME-ASC:0:COMPANY:1:acme"), BY_NAME));
        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(base64("NAME-ASC:0:0:1:ac\0me"), BY_NAME));
        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(base64("NAME-ASC:0:0:x:acme"), BY_NAME));
    }
}
