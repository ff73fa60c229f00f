package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Templates only render: the controllers put the data in the model before rendering, no template asks a bean
 * for it ({@code ${@someBean.read(id)}}), so a page's statements are all issued by its controller and counted
 * there. Only the formatting beans are allowed: they turn a value already in the model into text.
 */
class TemplatesRenderOnlyTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /**
     * Formats.java (dates), MoneyFormat.java (amounts) and PersonNames.java (an erased person's name in words): they
     * read no data.
     */
    private static final Set<String> FORMATTING_BEANS = Set.of("fmt", "money", "names");
    /** A bean's method called in an expression: {@code @name.method(}; a link {@code @{...}} or an email is not. */
    private static final Pattern BEAN_CALL = Pattern.compile("(?<![\\w.])@([A-Za-z]\\w*)\\.\\w+\\s*\\(");

    @Test
    void noTemplateCallsABeanForData() throws IOException {
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher call = BEAN_CALL.matcher(lines.get(i));
                    while (call.find()) {
                        if (!FORMATTING_BEANS.contains(call.group(1))) {
                            calls.add(TEMPLATES.relativize(file) + ":" + (i + 1) + " " + call.group());
                        }
                    }
                }
            }
        }
        assertThat(calls).as("beans called for data during rendering").isEmpty();
    }
}
