package org.relationcrm.interaction.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.interaction.Sentiment;
import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.web.Formats;
import org.relationcrm.shared.web.RenderedFragments;

/** A page of timeline entries as HTML in the reader's language, each entry through its {@link TimelineView}. */
@NamedInterface(name = "web", propagate = false)
@Component
public class TimelineViews {

    private final MessageSource messages;
    private final Formats formats;
    private final EventTexts events;
    private final RenderedFragments fragments;
    /** Labels without arguments (channels, departments, event kinds…), per language: they never change at runtime. */
    private final Map<Locale, Map<String, String>> labels = new ConcurrentHashMap<>();

    TimelineViews(MessageSource messages, Formats formats, EventTexts events, RenderedFragments fragments) {
        this.messages = messages;
        this.formats = formats;
        this.events = events;
        this.fragments = fragments;
    }

    /**
     * The HTML of each entry of the page, in the reader's language. An entry's HTML is rendered once and then reused
     * (see {@link RenderedFragments}) while the entry (its version and the names it shows), the reader's language and
     * flags and whether its next step is overdue stay the same; its {@link TimelineView} (labels, worded event, dates)
     * is built only when that HTML is not kept yet.
     *
     * @param showCompany   the company of each entry is named (a person's timeline, whose entries may be with
     *                      several companies)
     * @param canMarkDone   the reader may mark next steps done
     */
    public List<String> html(Slice<TimelineEntry, TimelineCursor> page, boolean showCompany, boolean canMarkDone) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> label = labels.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        LocalDate today = formats.today();
        return page.rows().stream()
                .map(e -> fragments.html("fragments/timeline :: entry",
                        new Rendered(e, showCompany, canMarkDone && e.hasOpenNextStep(), e.isNextStepOverdue(today)),
                        "v", () -> view(e, locale, label, today, showCompany, canMarkDone)))
                .toList();
    }

    /** What an entry's HTML depends on besides the reader's language: the key of its kept HTML. */
    private record Rendered(TimelineEntry entry, boolean showCompany, boolean canMarkDone, boolean overdue) {
    }

    private TimelineView view(TimelineEntry e, Locale locale, Map<String, String> label, LocalDate today,
                              boolean showCompany, boolean canMarkDone) {
        boolean negative = e.sentiment() == Sentiment.NEGATIVE;
        String css = "timeline-entry" + (negative ? " negative" : "") + (e.isEvent() ? " event" : "");
        String kindCss = e.isEvent() ? "badge event" : "badge channel channel-" + e.channel();
        String kindLabel = e.isEvent() ? label(label, locale, e.eventType().messageKey())
                : label(label, locale, "channel." + e.channel());
        // an event is worded from its type and arguments; an exchange shows what its author wrote
        String headline = e.subject();
        String nextStepText = e.nextStepAction();
        if (e.isEvent()) {
            String worded = events.headline(e.eventType(), e.eventArgs(), locale);
            headline = worded != null ? worded : e.subject();
            nextStepText = e.nextStepDue() == null ? null : events.nextStep(e.eventType(), e.eventArgs(), locale);
        }
        String direction = e.isEvent() || e.direction() == null ? null : label(label, locale, "direction." + e.direction());
        String sentimentCss = e.sentiment() == null ? null : "badge sentiment sentiment-" + e.sentiment();
        String sentiment = e.sentiment() == null ? null : label(label, locale, "sentiment." + e.sentiment());
        String companyLink = showCompany && e.companyName() != null ? "/clients/" + e.companyId() : null;

        boolean hasNextStep = e.nextStepDue() != null;
        boolean overdue = e.isNextStepOverdue(today);
        boolean done = e.nextStepDoneAt() != null;
        String nextStepCss = "next-step" + (overdue ? " overdue" : done ? " done" : "");
        String dueText = hasNextStep ? label(label, locale, "interaction.due") + " " + formats.date(e.nextStepDue()) : null;
        String doneText = done ? messages.getMessage("interaction.doneBy",
                new Object[] {e.nextStepDoneByName(), formats.dateTime(e.nextStepDoneAt())}, locale) : null;

        return new TimelineView(e, css, kindCss, kindLabel, headline, direction, e.occurredAt().toString(),
                formats.dateTime(e.occurredAt()), "badge dept dept-" + e.authorDepartment(),
                label(label, locale, "department." + e.authorDepartment()), sentimentCss, sentiment,
                e.isEvent() ? events.link(e.eventType(), e.refId()) : null, companyLink,
                label(label, locale, "interaction.outcome") + label(label, locale, "colon"), nextStepCss,
                label(label, locale, "interaction.nextStep") + label(label, locale, "colon"), nextStepText, dueText, overdue,
                doneText, canMarkDone && e.hasOpenNextStep());
    }

    private String label(Map<String, String> cache, Locale locale, String code) {
        // same fallback as the templates' #{…} for a missing key: visible, not an error
        return cache.computeIfAbsent(code, c -> messages.getMessage(c, null, "??" + c + "_" + locale + "??", locale));
    }
}
