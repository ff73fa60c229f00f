package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One source per rule: a rule and a limit are declared by the aggregate that owns them; forms and controllers read
 * them from there. A rule the domain raises ({@code RuleViolation} with a message code) is shown by
 * {@link FormErrors}, so no controller names its message code to check it again, and a form's {@code @Size} names the
 * aggregate's constant instead of writing the number a second time. Read from the sources, without Spring.
 */
class RulesSaidOnceTests {

    private static final Path CORE = Path.of("../crm-core/src/main/java");
    private static final Path WEB = Path.of("src/main/java");
    /** A string literal shaped like a message code: "interaction.occurredAt.future". */
    private static final Pattern CODE = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z]+)+)\"");
    /** A length written as a number in a form: @Size(max = 200), @Size(min = 10, max = 100). */
    private static final Pattern LITERAL_SIZE = Pattern.compile("@Size\\([^)]*\\b(?:max|min) = \\d");

    private static Set<String> messageKeys;

    @BeforeAll
    static void readMessages() throws IOException {
        messageKeys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            for (Path file : files.toList()) {
                Properties messages = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    messages.load(reader);
                }
                messageKeys.addAll(messages.stringPropertyNames());
            }
        }
    }

    @Test
    void theAggregatesSayTheRulesTheFormsUsedToCheck() throws IOException {
        assertThat(codesIn(CORE)).contains(
                "interaction.occurredAt.future", "interaction.nextStep.dueRequired",
                "interaction.nextStep.actionRequired", "interaction.nextStep.beforeInteraction",
                "opportunity.stage.open", "opportunity.stage.same", "opportunity.nextStep.required",
                "opportunity.lost.reasonRequired", "opportunity.lost.commentRequired",
                "opportunity.won.pendingApproval", "concession.value.max", "complaint.escalate.levelUp",
                "contact.importantDate.tooMany");
    }

    @Test
    void noControllerChecksAgainARuleThatAnAggregateRaises() throws IOException {
        Set<String> raisedByTheDomain = codesIn(CORE);
        List<String> checkedAgain = new ArrayList<>();
        forEachSource(WEB, (file, source) -> {
            Matcher code = CODE.matcher(source);
            while (code.find()) {
                if (raisedByTheDomain.contains(code.group(1))) {
                    checkedAgain.add(WEB.relativize(file) + ": " + code.group(1));
                }
            }
        });
        assertThat(checkedAgain).as("catch RuleViolation and hand it to FormErrors.show instead").isEmpty();
    }

    @Test
    void formsReadTheirLengthLimitsFromTheDomain() throws IOException {
        List<String> written = new ArrayList<>();
        forEachSource(WEB, (file, source) -> {
            Matcher size = LITERAL_SIZE.matcher(source);
            while (size.find()) {
                written.add(WEB.relativize(file) + ": " + size.group());
            }
        });
        assertThat(written).as("@Size(max = Aggregate.MAX_...), the constant the aggregate checks").isEmpty();
    }

    /** The message codes that the sources under {@code root} name as string literals. */
    private static Set<String> codesIn(Path root) throws IOException {
        Set<String> codes = new TreeSet<>();
        forEachSource(root, (file, source) -> {
            Matcher code = CODE.matcher(source);
            while (code.find()) {
                if (messageKeys.contains(code.group(1))) {
                    codes.add(code.group(1));
                }
            }
        });
        return codes;
    }

    private interface SourceVisitor {
        void visit(Path file, String source);
    }

    private static void forEachSource(Path root, SourceVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                visitor.visit(file, Files.readString(file));
            }
        }
    }
}
