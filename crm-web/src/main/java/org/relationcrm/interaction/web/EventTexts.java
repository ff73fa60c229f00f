package org.relationcrm.interaction.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.shared.web.MoneyFormat;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;

/**
 * A timeline event in words, in the reader's language: the type's message ({@code event.<TYPE>.text},
 * {@code event.<TYPE>.nextStep}) filled with its arguments, each formatted for the reader: a stage, a lost reason, a
 * complaint's category or severity and the way a survey went out through their own messages, an amount as money
 * in the locale's format, a number of days as a number (its message chooses the plural); other numbers and what
 * users typed (a deal's title, a product line's name, a complaint's subject) as they are.
 * Used by the timeline and by "My day" (a care check-in or a call back planned by an event).
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class EventTexts {

    /** Arguments that are codes, and the prefix of the messages that word them. */
    private static final Map<String, String> CODE_MESSAGES = Map.ofEntries(
            Map.entry(Arg.FROM, "stage."), Map.entry(Arg.TO, "stage."), Map.entry(Arg.REASON, "lostReason."),
            Map.entry(Arg.CATEGORY, "complaint.category."), Map.entry(Arg.SEVERITY, "complaint.severity."),
            Map.entry(Arg.SENT_BY, "event.sentBy."), Map.entry(Arg.CANCEL_REASON, "order.cancelReason."),
            // a department as the subject of the sentence ("L'ADV a répondu") or as whom it is addressed to ("à l'ADV")
            Map.entry(Arg.REQUESTER, "event.department.subject."), Map.entry(Arg.ANSWERER, "event.department.subject."),
            Map.entry(Arg.RECEIVER, "event.department.to."), Map.entry(Arg.ASKER, "event.department.to."),
            Map.entry(Arg.REQUEST_KIND, "event.requestKind."));

    private final MessageSource messages;
    private final MoneyFormat money;

    EventTexts(MessageSource messages, MoneyFormat money) {
        this.messages = messages;
        this.money = money;
    }

    /** The headline; null for an event without arguments (a note) or whose arguments are missing. */
    public String headline(TimelineEventType type, Map<String, String> args, Locale locale) {
        return worded(type, type.textKey(), args, locale);
    }

    /** What the event's follow-up asks for; null when the event plans none or its arguments are missing. */
    public String nextStep(TimelineEventType type, Map<String, String> args, Locale locale) {
        return worded(type, type.nextStepKey(), args, locale);
    }

    /** The page of what the event is about, or null. */
    public String link(TimelineEventType type, Long refId) {
        if (type == null || refId == null) {
            return null;
        }
        return switch (type.link()) {
            case OPPORTUNITY -> "/opportunities/" + refId;
            case COMPLAINT -> "/complaints/" + refId;
            case ORDER -> "/orders/" + refId;
            case REQUEST -> "/requests/" + refId;
            case NONE -> null;
        };
    }

    private String worded(TimelineEventType type, String key, Map<String, String> args, Locale locale) {
        List<String> names = type.args();
        if (names.isEmpty() || !args.keySet().containsAll(names)) {
            return null;
        }
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(names.get(i), args, locale);
        }
        return messages.getMessage(key, values, null, locale);
    }

    private Object value(String name, Map<String, String> args, Locale locale) {
        String raw = args.get(name);
        String prefix = CODE_MESSAGES.get(name);
        if (prefix != null) {
            return messages.getMessage(prefix + raw, null, raw, locale);
        }
        // a count of days or hours: a number, so the message chooses "1 day" or "90 days"
        if (Arg.DAY.equals(name) || Arg.LATE_DAYS.equals(name) || Arg.HOURS.equals(name)) {
            try {
                return Integer.valueOf(raw);
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        if (Arg.AMOUNT.equals(name)) {
            try {
                return money.of(new BigDecimal(raw), args.get(Arg.CURRENCY), locale);
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        return raw;
    }
}
