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

    @Test
    void theDayOfAnInstantIsTheCompanysDay() {
        Formats paris = new Formats(Clock.system(java.time.ZoneId.of("Europe/Paris")));
        LocaleContextHolder.setLocale(Locale.FRENCH);

        // 23:30 UTC on 1 March is already 2 March in Paris
        assertThat(paris.date(java.time.Instant.parse("2026-03-01T23:30:00Z"))).isEqualTo("2 mars 2026");
        assertThat(paris.date((java.time.Instant) null)).isEmpty();
    }
}
