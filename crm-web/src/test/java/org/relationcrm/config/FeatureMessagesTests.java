package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The indexed message source answers every key exactly as Spring's own, which tries each file in turn: same text in
 * French and in English, with and without arguments, and the same refusal of a key that exists nowhere.
 */
class FeatureMessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void answersEveryKeyAsSpringsOwnMessageSourceDoes() throws IOException {
        List<String> basenames = basenames();
        ResourceBundleMessageSource spring = new ResourceBundleMessageSource();
        spring.setBasenames(basenames.toArray(String[]::new));
        configure(spring);
        FeatureMessages.IndexedMessageSource indexed = new FeatureMessages.IndexedMessageSource(basenames);
        configure(indexed);

        int compared = 0;
        for (String basename : basenames) {
            for (String key : read(RESOURCES.resolve(basename + ".properties")).stringPropertyNames()) {
                for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                    assertThat(indexed.getMessage(key, null, locale)).as(key + " " + locale)
                            .isEqualTo(spring.getMessage(key, null, locale));
                    Object[] args = {3, "Dupont", 12.5};
                    assertThat(message(indexed, key, args, locale)).as(key + " " + locale + " with arguments")
                            .isEqualTo(message(spring, key, args, locale));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThatThrownBy(() -> indexed.getMessage("no.such.key", null, Locale.ENGLISH))
                .isInstanceOf(NoSuchMessageException.class);
    }

    private static String message(MessageSource source, String key, Object[] args, Locale locale) {
        try {
            return source.getMessage(key, args, locale);
        } catch (IllegalArgumentException e) { // a choice or number pattern given a name: the same failure for both
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    private static void configure(ResourceBundleMessageSource source) {
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
    }

    private static List<String> basenames() throws IOException {
        return Arrays.stream(read(RESOURCES.resolve("application.properties"))
                .getProperty("spring.messages.basename").split(",")).map(String::strip).toList();
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
