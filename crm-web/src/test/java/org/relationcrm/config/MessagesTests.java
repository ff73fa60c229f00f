package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message files (one pair per feature, listed in {@code spring.messages.basename}) read as plain files: every key in
 * French and in English, in one file only, real plurals, well-formed patterns, and no template or Java code asking for
 * a key that exists nowhere (Thymeleaf would show "??key_fr??"). No Spring context: it runs in a fraction of a second.
 */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** "réclamation(s)", "ouverte(s)", "complaint(s)", "employé(e)": a plural or gender left to the reader. */
    private static final Pattern BRACKETED_ENDING = Pattern.compile("\\p{L}\\((s|e|es|x)\\)");
    /**
     * A count written as a plain argument right before a counted noun: "il y a {0} jours" reads "il y a 1 jours".
     * Checked outside choice formats (their branches say "{0,number,integer} jours" after a 1# branch).
     */
    private static final Pattern COUNT_BEFORE_NOUN = Pattern.compile("\\{\\d+(,number(,integer)?)?\\}\\s+(jours|days"
            + "|personnes|people|dates|caractères|characters|réclamations|complaints|opportunités|deals|gammes|lines"
            + "|heures|hours|semaines|weeks|éléments|items|clients|customers|interactions|échanges|exchanges"
            + "|enquêtes|surveys|utilisateurs|users)\\b");
    /** A literal key in a template: #{key} or #{key(args)}; computed keys (#{'a.' + ${x}}, #{${k}}) are not literal. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)\\s*[}(]");
    /** A label key handed to a form fragment: fragments/forms :: input('field', 'key', …). */
    private static final Pattern FRAGMENT_LABEL_KEY =
            Pattern.compile("fragments/forms :: (?:input|textarea|select)\\('[^']*', '([A-Za-z][\\w.]*)'");
    /** A string literal in Java shaped like a message code ("flash.company.created") or a validation message ("{key}"). */
    private static final Pattern JAVA_CODE = Pattern.compile("\"\\{?([A-Za-z]+(?:\\.\\w+)+)\\}?\"");
    /** A MessageFormat argument ({0}, {1,choice,…}); "{from}" in a validation message is Bean Validation's. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    /** A lone apostrophe: MessageFormat takes it as the start of a quote and drops it (and hides what follows). */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static List<String> basenames;
    /** basename → its French and English messages. */
    private static final Map<String, Properties> FRENCH = new LinkedHashMap<>();
    private static final Map<String, Properties> ENGLISH = new LinkedHashMap<>();

    @BeforeAll
    static void load() {
        Properties application = read(RESOURCES.resolve("application.properties"));
        basenames = Arrays.stream(application.getProperty("spring.messages.basename").split(","))
                .map(String::strip).toList();
        for (String basename : basenames) {
            FRENCH.put(basename, read(RESOURCES.resolve(basename + ".properties")));
            ENGLISH.put(basename, read(RESOURCES.resolve(basename + "_en.properties")));
        }
    }

    @Test
    void everyMessageFileIsListedInTheBasenames() throws IOException {
        List<String> onDisk = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("messages"))) {
            files.map(f -> "messages/" + f.getFileName().toString().replaceFirst("(_en)?\\.properties$", ""))
                    .distinct().forEach(onDisk::add);
        }
        assertThat(basenames).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(RESOURCES.resolve("messages.properties")).as("the old single file is gone").doesNotExist();
    }

    @Test
    void everyKeyIsInFrenchAndInEnglishInTheSameFile() {
        for (String basename : basenames) {
            assertThat(new TreeSet<>(ENGLISH.get(basename).stringPropertyNames()))
                    .as("keys of %s_en.properties (left) against %s.properties", basename, basename)
                    .isEqualTo(new TreeSet<>(FRENCH.get(basename).stringPropertyNames()));
        }
    }

    @Test
    void aKeyLivesInOneFileOnly() {
        Map<String, String> fileOfKey = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        FRENCH.forEach((basename, messages) -> messages.stringPropertyNames().forEach(key -> {
            String other = fileOfKey.putIfAbsent(key, basename);
            if (other != null) twice.add(key + " in " + other + " and " + basename);
        }));
        assertThat(twice).isEmpty();
    }

    @Test
    void pluralsAreWrittenOutNotBracketed() {
        assertThat(offending((key, value) -> BRACKETED_ENDING.matcher(value).find()))
                .as("use {0,choice,0#…|1#…|1<…} instead of (s)").isEmpty();
    }

    @Test
    void countsChooseTheirPluralWhereverTheyAreWritten() {
        assertThat(offending((key, value) -> COUNT_BEFORE_NOUN.matcher(withoutChoices(value)).find()))
                .as("a count before its noun: use {0,choice,0#…|1#…|1<{0,number,integer} …}").isEmpty();
    }

    /** The message without its choice formats ({n,choice,…}, nested braces included). */
    private static String withoutChoices(String message) {
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            Matcher choice = Pattern.compile("\\{\\d+,choice,").matcher(message);
            if (!choice.find(i)) {
                kept.append(message, i, message.length());
                break;
            }
            kept.append(message, i, choice.start());
            int depth = 0;
            int j = choice.start();
            do {
                char c = message.charAt(j++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0 && j < message.length());
            i = j;
        }
        return kept.toString();
    }

    /** Through Spring's MessageSource, set up as Boot sets it from application.properties: a message with arguments is a MessageFormat. */
    @Test
    void pluralsChooseTheirFormInFrenchAndEnglish() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        Locale fr = Locale.FRENCH;
        Locale en = Locale.ENGLISH;

        assertThat(source.getMessage("opportunity.card.closed", new Object[] {0L, 0L, "0 €"}, fr)).isEqualTo("aucune gagnée (0 €), aucune perdue");
        assertThat(source.getMessage("opportunity.card.closed", new Object[] {1L, 2L, "5 €"}, fr)).isEqualTo("1 gagnée (5 €), 2 perdues");
        assertThat(source.getMessage("opportunity.card.closed", new Object[] {1L, 2L, "€5"}, en)).isEqualTo("1 won (€5), 2 lost");
        assertThat(source.getMessage("dashboard.wonLost", new Object[] {12L, 1L}, fr)).isEqualTo("12 gagnées, 1 perdue");
        assertThat(source.getMessage("risk.reason.OPEN_COMPLAINT", new Object[] {1L}, fr)).isEqualTo("1 réclamation ouverte");
        assertThat(source.getMessage("risk.reason.OPEN_COMPLAINT", new Object[] {3L}, fr)).isEqualTo("3 réclamations ouvertes");
        assertThat(source.getMessage("risk.reason.OPEN_COMPLAINT", new Object[] {1L}, en)).isEqualTo("1 open complaint");
        assertThat(source.getMessage("risk.reason.BREACHED_COMPLAINT", new Object[] {2L}, en)).isEqualTo("2 complaints past due");
        assertThat(source.getMessage("risk.reason.NEGATIVE", new Object[] {1L}, fr)).isEqualTo("1 échange négatif sur 90 jours");
        assertThat(source.getMessage("risk.reason.NEGATIVE", new Object[] {4L}, en)).isEqualTo("4 negative exchanges in 90 days");
        assertThat(source.getMessage("risk.reason.NO_BREADTH", new Object[] {1L}, fr)).endsWith("(1 détenue)");
        assertThat(source.getMessage("risk.reason.NO_BREADTH", new Object[] {2L}, fr)).endsWith("(2 détenues)");
        assertThat(source.getMessage("dashboard.days", new Object[] {1.5}, fr)).isEqualTo("1,5 jour");
        assertThat(source.getMessage("dashboard.days", new Object[] {42.0}, fr)).isEqualTo("42 jours");
        assertThat(source.getMessage("dashboard.days", new Object[] {1.0}, en)).isEqualTo("1 day");
        assertThat(source.getMessage("dashboard.days", new Object[] {1.5}, en)).isEqualTo("1.5 days");
        assertThat(source.getMessage("board.column.deals", new Object[] {0L}, fr)).isEqualTo("aucune opportunité");
        assertThat(source.getMessage("board.column.deals", new Object[] {1L}, fr)).isEqualTo("1 opportunité");
        assertThat(source.getMessage("board.column.deals", new Object[] {1234L}, fr)).isEqualTo("1\u202f234 opportunités");
        assertThat(source.getMessage("board.column.deals", new Object[] {1L}, en)).isEqualTo("1 deal");
        assertThat(source.getMessage("board.column.deals", new Object[] {1234L}, en)).isEqualTo("1,234 deals");
        assertThat(source.getMessage("silent.days", new Object[] {1}, fr)).isEqualTo("1 jour");
        assertThat(source.getMessage("silent.days", new Object[] {70}, fr)).isEqualTo("70 jours");
        assertThat(source.getMessage("silent.days", new Object[] {1}, en)).isEqualTo("1 day");
        assertThat(source.getMessage("myday.lastActivity", new Object[] {0L}, fr)).isEqualTo("dernière activité aujourd'hui");
        assertThat(source.getMessage("myday.lastActivity", new Object[] {30L}, en)).isEqualTo("last activity 30 days ago");
        assertThat(source.getMessage("risk.reason.SILENT", new Object[] {1}, fr)).isEqualTo("ni échange ni signature depuis 1 jour");
        assertThat(source.getMessage("record.allPeople", new Object[] {12}, fr)).isEqualTo("Voir les 12 personnes");
        assertThat(source.getMessage("Size", new Object[] {"f", 1, 0}, fr)).isEqualTo("Ce champ doit compter entre 0 et 1 caractère.");
        assertThat(source.getMessage("Size", new Object[] {"f", 1000, 0}, en)).isEqualTo("This field must have between 0 and 1,000 characters.");
        assertThat(source.getMessage("interaction.contacts.tooMany", new Object[] {20}, en)).isEqualTo("At most 20 people per interaction.");
        assertThat(source.getMessage("event.CARE_CHECK_IN.nextStep", new Object[] {1}, en)).isEqualTo("Check-in 1 day after signature");
    }

    @Test
    void messagesWithArgumentsAreValidMessageFormatPatterns() {
        assertThat(offending((key, value) -> ARGUMENT.matcher(value).find() && !formats(value)))
                .as("patterns MessageFormat refuses").isEmpty();
        assertThat(offending((key, value) -> ARGUMENT.matcher(value).find() && LONE_APOSTROPHE.matcher(value).find()))
                .as("a message with arguments needs '' for an apostrophe").isEmpty();
        // without arguments Spring shows the text as it is: a doubled apostrophe would be read twice
        assertThat(offending((key, value) -> !ARGUMENT.matcher(value).find() && value.contains("''")))
                .as("a message without arguments writes an apostrophe once").isEmpty();
    }

    @Test
    void everyLiteralKeyInATemplateExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(template);
                for (Pattern literal : List.of(LITERAL_KEY, FRAGMENT_LABEL_KEY)) {
                    Matcher key = literal.matcher(html);
                    while (key.find()) {
                        String code = key.group(1);
                        checked++;
                        if (inNoFile(FRENCH, code) || inNoFile(ENGLISH, code)) {
                            missing.add(RESOURCES.relativize(template) + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("literal keys found in templates").isGreaterThan(500);
        assertThat(missing).isEmpty();
    }

    /**
     * Message codes in Java (flash attributes, rejectValue, validation annotations): a literal whose first segment is
     * the first segment of some message key ("flash", "opportunity", …) must be a key. Prefixes built on ("stage." +
     * name) are not literals and are not checked.
     */
    @Test
    void everyMessageCodeInJavaExists() throws IOException {
        var firstSegments = new TreeSet<String>();
        FRENCH.values().forEach(m -> m.stringPropertyNames().forEach(k -> firstSegments.add(k.split("\\.")[0])));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../crm-core/src/main/java"))) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    Matcher literal = JAVA_CODE.matcher(Files.readString(source));
                    while (literal.find()) {
                        String code = literal.group(1);
                        if (!firstSegments.contains(code.split("\\.")[0])) continue;
                        checked++;
                        if (inNoFile(FRENCH, code) || inNoFile(ENGLISH, code)) missing.add(source.getFileName() + ": " + code);
                    }
                }
            }
        }
        assertThat(checked).as("message codes found in Java").isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    private static boolean inNoFile(Map<String, Properties> language, String code) {
        return language.values().stream().noneMatch(messages -> messages.containsKey(code));
    }

    private static boolean formats(String pattern) {
        try {
            new MessageFormat(pattern, Locale.FRENCH).format(new Object[] {1, 2, 3, 4});
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private interface Check {
        boolean fails(String key, String value);
    }

    /** "file: key=value" for every message, French and English, that fails the check. */
    private static List<String> offending(Check check) {
        List<String> found = new ArrayList<>();
        for (var language : List.of(FRENCH, ENGLISH)) {
            language.forEach((basename, messages) -> new TreeSet<>(messages.stringPropertyNames()).forEach(key -> {
                String value = messages.getProperty(key);
                if (check.fails(key, value)) found.add(basename + (language == ENGLISH ? "_en" : "") + ": " + key + "=" + value);
            }));
        }
        return found;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
        return properties;
    }
}
