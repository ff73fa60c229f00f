package org.relationcrm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientCursorTests {

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cursorSurvivesEncodeAndDecode() {
        ClientCursor cursor = new ClientCursor("acme", ClientKind.COMPANY, 42L);

        assertThat(ClientCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void nameWithColonsSurvivesEncodeAndDecode() {
        ClientCursor cursor = new ClientCursor("acme: the return: part 2", ClientKind.COMPANY, 7L);

        assertThat(ClientCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void accentedNameSurvivesEncodeAndDecode() {
        ClientCursor cursor = new ClientCursor("éléonore d'àçcent:ñ ß 東京 😀", ClientKind.PERSON, 3L);

        assertThat(ClientCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void emptyNameAndLargeIdSurviveEncodeAndDecode() {
        ClientCursor cursor = new ClientCursor("", ClientKind.PERSON, Long.MAX_VALUE);

        assertThat(ClientCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void encodedCursorIsSafeInAUrl() {
        String encoded = new ClientCursor("é?&/+= ~:", ClientKind.COMPANY, 1L).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a cursor", "%%%", "abc!", "Zm9v"})
    void garbageIsRefused(String encoded) {
        assertThatIllegalArgumentException().isThrownBy(() -> ClientCursor.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPANY", "COMPANY:12", "ALIEN:12:acme", "company:12:acme", "COMPANY:twelve:acme",
            ":12:acme", "COMPANY::acme"})
    void wellEncodedButMalformedContentIsRefused(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> ClientCursor.decode(base64(raw)));
    }
}
