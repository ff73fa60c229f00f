package org.relationcrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** What @fmt shows a reader: words in their language, never a code. */
class FormatsTests {

    private final Formats formats = new Formats(Clock.systemUTC());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aPersonsLanguageIsNamedInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(formats.language("en")).isEqualTo("anglais");
        assertThat(formats.language("fr")).isEqualTo("français");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.language("fr")).isEqualTo("French");
        assertThat(formats.language(null)).isEmpty();
    }
}
