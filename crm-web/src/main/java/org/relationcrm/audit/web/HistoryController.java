package org.relationcrm.audit.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.relationcrm.audit.Change;
import org.relationcrm.audit.ChangeCursor;
import org.relationcrm.audit.ChangeHistory;
import org.relationcrm.audit.RecordKind;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.web.Formats;
import org.relationcrm.team.web.CurrentUser;

/**
 * A record's history of changes ({@code /history/company/12}): who changed which field, when, from what to what,
 * newest first, 20 changes a page (keyset: "older changes" asks for the next page). htmx asks for the panel alone
 * (the record's page loads it into its "history" disclosure); the same URL without htmx is a page of its own.
 * Labels and values go through the messages and the reader's formats ({@link HistoryFields}).
 */
@Controller
class HistoryController {

    private final ChangeHistory history;
    private final MessageSource messages;
    private final Formats formats;

    HistoryController(ChangeHistory history, MessageSource messages, Formats formats) {
        this.history = history;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/history/{kind}/{id}")
    String history(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) String before,
                   @RequestHeader(value = "HX-Request", required = false) String htmx,
                   @AuthenticationPrincipal CurrentUser me, Locale locale, Model model) {
        RecordKind recordKind = RecordKind.ofSlug(kind).orElseThrow(() -> new NotFoundException("History", kind));
        Cursors.Parsed cursor = Cursors.read(before);
        Slice<Change, ChangeCursor> page = history.of(recordKind, id,
                cursor == null ? null : new ChangeCursor(cursor.at(), cursor.id()), me.actor());
        model.addAttribute("kind", recordKind.slug());
        model.addAttribute("recordId", id);
        model.addAttribute("changes", views(recordKind, page.rows(), locale));
        model.addAttribute("next", page.hasNext() ? Cursors.write(page.next().at(), page.next().id()) : null);
        model.addAttribute("first", cursor == null);
        return htmx != null ? "audit/history :: panel" : "audit/history";
    }

    /** A change as the panel shows it. */
    record ChangeView(long id, String at, String actor, String operation, List<FieldView> fields) {
    }

    /** A field's label and its values as read, or hidden (a password, values forgotten). */
    record FieldView(String label, String oldValue, String newValue, boolean hidden) {
    }

    private List<ChangeView> views(RecordKind kind, List<Change> changes, Locale locale) {
        Set<Long> userIds = new HashSet<>();
        for (Change change : changes) {
            for (Change.FieldChange field : change.fields()) {
                if (HistoryFields.field(kind, field.column()).kind() == FieldKind.USER) {
                    addId(userIds, field.oldValue());
                    addId(userIds, field.newValue());
                }
            }
        }
        Map<Long, String> users = history.userNames(userIds);
        List<ChangeView> views = new ArrayList<>(changes.size());
        for (Change change : changes) {
            List<FieldView> fields = new ArrayList<>();
            for (Change.FieldChange field : change.fields()) {
                HistoryFields.Field reading = HistoryFields.field(kind, field.column());
                fields.add(new FieldView(messages.getMessage(HistoryFields.labelKey(kind, field.column()), null, locale),
                        value(reading, field.oldValue(), users, locale), value(reading, field.newValue(), users, locale),
                        field.hidden()));
            }
            fields.sort(java.util.Comparator.comparing(FieldView::label));
            String actor = change.actorName() != null ? change.actorName()
                    : messages.getMessage("history.nobody", null, locale);
            views.add(new ChangeView(change.id(), formats.dateTime(change.at()), actor,
                    messages.getMessage("history.operation." + change.operation(), null, locale), fields));
        }
        return views;
    }

    private static void addId(Set<Long> ids, String value) {
        if (value != null) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                // not an id: shown as it is
            }
        }
    }

    /** A value as the reader reads it; empty for none. An unexpected shape is shown as stored, never an error. */
    private String value(HistoryFields.Field field, String raw, Map<Long, String> users, Locale locale) {
        if (raw == null) {
            return "";
        }
        try {
            return switch (field.kind()) {
                case TEXT -> raw;
                case ENUM -> messages.getMessage(field.messagePrefix() + raw, null, raw, locale);
                case BOOLEAN -> messages.getMessage(Boolean.parseBoolean(raw) ? "yes" : "no", null, locale);
                case DATE -> formats.date(LocalDate.parse(raw));
                case INSTANT -> formats.dateTime(OffsetDateTime.parse(raw).toInstant());
                case MONEY -> decimal(locale).format(new BigDecimal(raw));
                case NUMBER -> NumberFormat.getIntegerInstance(locale).format(new BigDecimal(raw));
                case USER -> users.getOrDefault(Long.parseLong(raw), "#" + raw);
                case REFERENCE -> "#" + raw;
                case LANGUAGE -> formats.language(raw);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return raw;
        }
    }

    private static NumberFormat decimal(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format;
    }
}
