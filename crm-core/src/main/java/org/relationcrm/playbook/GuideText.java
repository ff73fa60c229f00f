package org.relationcrm.playbook;

import java.util.List;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;

/**
 * A guide in one language: its title, the situation it is for (when to use it), the steps in order, the phrases to
 * use and those to avoid, and for an escalation the criteria to meet first. Lists are kept as typed, one item a
 * line, blank lines dropped; the limits are declared here and read by the form.
 */
public record GuideText(String title, String whenToUse, List<String> steps, List<String> phrasesToUse,
                        List<String> phrasesToAvoid, List<String> criteria) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_WHEN = 1_000;
    public static final int MAX_ITEM = 300;
    public static final int MAX_ITEMS = 15;
    /** A list field as typed: every item and its line break. */
    public static final int MAX_LIST_CHARS = MAX_ITEMS * (MAX_ITEM + 2);

    public GuideText {
        steps = List.copyOf(steps);
        phrasesToUse = List.copyOf(phrasesToUse);
        phrasesToAvoid = List.copyOf(phrasesToAvoid);
        criteria = List.copyOf(criteria);
    }

    /**
     * The text of one language as the form holds it (lists one item a line), checked; null when nothing at all was
     * typed for this language. Every broken rule is named on its field ({@code frTitle}, {@code enSteps}…).
     */
    static GuideText typed(Language language, Situation situation, String title, String whenToUse, String steps,
                           String phrasesToUse, String phrasesToAvoid, String criteria) {
        List<String> stepList = lines(steps);
        List<String> use = lines(phrasesToUse);
        List<String> avoid = lines(phrasesToAvoid);
        List<String> when = lines(criteria);
        boolean blank = Text.optional(title, Integer.MAX_VALUE, "title") == null
                && Text.optional(whenToUse, Integer.MAX_VALUE, "whenToUse") == null
                && stepList.isEmpty() && use.isEmpty() && avoid.isEmpty() && when.isEmpty();
        if (blank) {
            return null;
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        String t = broken.check(() -> Text.required(title, MAX_TITLE, language.field("title")));
        String w = broken.check(() -> Text.required(whenToUse, MAX_WHEN, language.field("whenToUse")));
        broken.unless(!stepList.isEmpty(), language.field("steps"), RuleViolation.REQUIRED);
        list(broken, stepList, language.field("steps"));
        list(broken, use, language.field("phrasesToUse"));
        list(broken, avoid, language.field("phrasesToAvoid"));
        if (situation.takesCriteria()) {
            broken.unless(!when.isEmpty(), language.field("criteria"), RuleViolation.REQUIRED);
            list(broken, when, language.field("criteria"));
        } else {
            when = List.of(); // only an escalation says when to act
        }
        broken.throwIfAny();
        return new GuideText(t, w, stepList, use, avoid, when);
    }

    /** The items of a list field: one a line, trimmed, blank lines dropped. */
    public static List<String> lines(String typed) {
        if (typed == null) {
            return List.of();
        }
        return typed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The list as the form shows it again: one item a line. */
    public static String joined(List<String> items) {
        return String.join("\n", items);
    }

    private static void list(RuleViolation.Collector broken, List<String> items, String field) {
        broken.unless(items.size() <= MAX_ITEMS, field, "playbook.items.tooMany", MAX_ITEMS);
        broken.unless(items.stream().allMatch(item -> item.length() <= MAX_ITEM), field, "playbook.item.tooLong",
                MAX_ITEM);
    }
}
