package org.relationcrm.config;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The messages: one pair of files per feature, listed in {@code spring.messages.basename}, configured as Spring Boot
 * configures them. The only difference is how a key is found. Spring's {@link ResourceBundleMessageSource} tries each
 * file in turn until one has the key: 24 lookups for a key of the last feature, about 2 % of a small page's CPU in a
 * profile. A key lives in exactly one file ({@code MessagesTests}), so the files are indexed once, key → file, and a
 * key is read from its file alone, with the usual fallback from English to the French defaults.
 */
@Configuration(proxyBeanMethods = false)
class FeatureMessages {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        IndexedMessageSource messages = new IndexedMessageSource(properties.getBasename());
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return messages;
    }

    /** A {@link ResourceBundleMessageSource} that reads a key from the one file that holds it. */
    static final class IndexedMessageSource extends ResourceBundleMessageSource {

        private final List<String> basenames;
        /** key → the basename of its file; built on first use (the bundles load lazily, with the class loader). */
        private volatile Map<String, String> fileOfKey;

        IndexedMessageSource(List<String> basenames) {
            this.basenames = List.copyOf(basenames);
            setBasenames(this.basenames.toArray(String[]::new));
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            ResourceBundle bundle = bundleOf(code, locale);
            return bundle == null ? null : getStringOrNull(bundle, code);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            ResourceBundle bundle = bundleOf(code, locale);
            return bundle == null ? null : getMessageFormat(bundle, code, locale);
        }

        private ResourceBundle bundleOf(String code, Locale locale) {
            String basename = index().get(code);
            return basename == null ? null : getResourceBundle(basename, locale);
        }

        private Map<String, String> index() {
            Map<String, String> index = fileOfKey;
            if (index == null) {
                index = new HashMap<>();
                // the French defaults (the root bundle) and English: a key missing from one is still found in the other
                for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
                    for (String basename : basenames) {
                        ResourceBundle bundle = getResourceBundle(basename, locale);
                        if (bundle != null) {
                            for (String key : bundle.keySet()) {
                                index.putIfAbsent(key, basename); // as Spring would: the first file listed wins
                            }
                        }
                    }
                }
                fileOfKey = index = Map.copyOf(index);
            }
            return index;
        }
    }
}
