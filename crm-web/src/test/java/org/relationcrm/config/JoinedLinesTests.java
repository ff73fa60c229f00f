package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Lines of facts joined by "·" ("Livraison · Téléphone · Anne") draw their dots in CSS ({@code .dots},
 * {@code .dot-before} in relation.css), between the parts that are there: a template that wrote the dot itself would
 * leave it behind a missing part ("Livraison · Téléphone · ·", a line starting with "·"). So no template writes one.
 */
class JoinedLinesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path CSS = Path.of("src/main/resources/static/css/relation.css");

    @Test
    void noTemplateWritesTheSeparatorItself() throws IOException {
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("·") || lines.get(i).contains("&middot;") || lines.get(i).contains("&#183;")) {
                        written.add(TEMPLATES.relativize(file) + ":" + (i + 1) + " " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(written).as("separators written in templates: use class=\"dots\" or \"dot-before\"").isEmpty();
    }

    @Test
    void theStyleSheetDrawsTheDotOnlyBetweenPartsThatAreThere() throws IOException {
        String css = Files.readString(CSS, StandardCharsets.UTF_8);
        assertThat(css).contains(".dots > :not(:empty) ~ :not(:empty)::before").contains(".dots > :empty { display: none; }");
    }
}
