package org.relationcrm.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a business rule, said once by the aggregate that owns the rule: each broken rule names the
 * field it concerns (as the form names it: {@code occurredAt}, {@code nextStepDue}) and a message code with its
 * arguments. The web shows each one next to its field, in the reader's language, with the form as typed
 * ({@code config/FormErrors}); a controller does not check again what the aggregate checks. A caller that is not
 * a form gets it as any {@link IllegalArgumentException}: a 400 page.
 *
 * <p>Aggregates collect what is broken with {@link #collect()}, so the user learns every mistake in one go:
 * <pre>{@code
 * RuleViolation.Collector broken = RuleViolation.collect();
 * broken.unless(!due.isBefore(occurredOn), "nextStepDue", "interaction.nextStep.beforeInteraction");
 * broken.throwIfAny();
 * }</pre>
 */
public class RuleViolation extends IllegalArgumentException {

    /** Message code of a required value that is missing: Bean Validation's, so both say it the same way. */
    public static final String REQUIRED = "NotBlank";
    /** Message code of a text over its limit: Bean Validation's {@code @Size}, arguments (field, max, min). */
    public static final String TOO_LONG = "Size";

    private final List<Broken> broken;

    public RuleViolation(String field, String code, Object... args) {
        this(List.of(new Broken(field, code, List.of(args))));
    }

    public RuleViolation(List<Broken> broken) {
        super(describe(broken));
        if (broken.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one broken rule");
        }
        this.broken = List.copyOf(broken);
    }

    /** A required value is missing. */
    public static RuleViolation required(String field) {
        return new RuleViolation(field, REQUIRED);
    }

    /** A text is longer than {@code max} characters. */
    public static RuleViolation tooLong(String field, int max) {
        return new RuleViolation(field, TOO_LONG, field, max, 0);
    }

    public static Collector collect() {
        return new Collector();
    }

    /** Every rule broken, in the order the aggregate checked them. */
    public List<Broken> broken() {
        return broken;
    }

    private static String describe(List<Broken> broken) {
        return broken.stream().map(b -> b.field() + ": " + b.code()).collect(Collectors.joining(", "));
    }

    /**
     * One broken rule. {@code field} is null for a rule about the whole input; {@code args} are the message's
     * arguments (numbers stay numbers, so the message formats them for the reader's locale).
     */
    public record Broken(String field, String code, List<Object> args) {

        public Broken {
            args = List.copyOf(args);
        }
    }

    /** Gathers the rules an input breaks, then throws them together. */
    public static final class Collector {

        private final List<Broken> broken = new ArrayList<>();

        private Collector() {
        }

        /** Records the rule as broken unless {@code holds}. */
        public Collector unless(boolean holds, String field, String code, Object... args) {
            if (!holds) {
                broken.add(new Broken(field, code, List.of(args)));
            }
            return this;
        }

        /** Runs a check that may throw a {@link RuleViolation} (a text's length...) and keeps what it says. */
        public <T> T check(java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (RuleViolation violation) {
                broken.addAll(violation.broken());
                return null;
            }
        }

        public boolean isBroken(String field) {
            return broken.stream().anyMatch(b -> field.equals(b.field()));
        }

        public void throwIfAny() {
            if (!broken.isEmpty()) {
                throw new RuleViolation(broken);
            }
        }
    }
}
