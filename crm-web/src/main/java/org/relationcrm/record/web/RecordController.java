package org.relationcrm.record.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import org.relationcrm.client.ClientRecord;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.web.PersonCards;
import org.relationcrm.interaction.CountedTimeline;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.interaction.web.TimelineViews;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.quality.MergeService;
import org.relationcrm.quality.PersonMergeService;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;

/**
 * The 360° pages: a company's record and a person's record, each with its timeline. This module sits above the
 * features it shows (client, interaction, pipeline, feedback), so none of them has to know the others to be on the
 * page; each hands over its card before rendering (see {@link RecordCards}).
 */
@Controller
class RecordController {

    private final ClientRecordService records;
    private final ClientService clients;
    private final InteractionService interactions;
    private final TimelineViews timelineViews;
    private final RecordCards cards;
    private final PersonCards personCards;
    private final MergeService merges;
    private final PersonMergeService personMerges;
    private final Clock clock;

    RecordController(ClientRecordService records, ClientService clients, InteractionService interactions,
                     TimelineViews timelineViews, RecordCards cards, PersonCards personCards, MergeService merges,
                     PersonMergeService personMerges, Clock clock) {
        this.merges = merges;
        this.personMerges = personMerges;
        this.records = records;
        this.clients = clients;
        this.interactions = interactions;
        this.timelineViews = timelineViews;
        this.cards = cards;
        this.personCards = personCards;
        this.clock = clock;
    }

    @GetMapping("/clients/{id}")
    String company(@PathVariable long id, TimelineRequest timeline, @AuthenticationPrincipal CurrentUser me,
                   Model model) {
        ClientRecord record;
        try {
            record = records.companyRecord(id);
        } catch (NotFoundException unknown) {
            // a company merged into another: its old address (a bookmark, a link in an email) leads to the survivor.
            // 302, not 301: a browser would keep a permanent redirect, and the merge can be undone for 30 days.
            Long survivor = merges.survivorOf(id).orElseThrow(() -> unknown);
            return "redirect:/clients/" + survivor;
        }
        model.addAttribute("record", record);
        model.addAttribute("canEdit", record.company().canBeEditedBy(me.actor()));
        model.addAttribute("personCards", personCards.html(record.contacts(), true, me.can(Permission.LOG_INTERACTIONS)));
        addTimeline(model, TimelineScope.company(id), timeline, true, me);
        cards.addTo(model, id, me);
        return "clients/detail";
    }

    /**
     * The company's timeline alone, for htmx: the next page ("show more", with {@code before}), or the first page
     * and its count when the filters change, the page's address following them (reload, back, a shared link).
     * A plain request gets the whole page.
     */
    @GetMapping("/clients/{id}/timeline")
    String companyTimeline(@PathVariable long id, TimelineRequest timeline,
                           @RequestHeader(value = "HX-Request", required = false) String htmx,
                           @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response) {
        if (htmx == null) {
            return company(id, timeline, me, model);
        }
        return timelineOnly(TimelineScope.company(id), timeline, me, model, response, () -> clients.company(id));
    }

    @GetMapping("/contacts/{id}")
    String person(@PathVariable long id, TimelineRequest timeline, @AuthenticationPrincipal CurrentUser me,
                  Model model) {
        org.relationcrm.client.PersonRecord record;
        try {
            record = records.personRecord(id);
        } catch (NotFoundException unknown) {
            // a person merged into another record of them: the old address leads to the survivor (302, as companies)
            Long survivor = personMerges.survivorOf(id).orElseThrow(() -> unknown);
            return "redirect:/contacts/" + survivor;
        }
        model.addAttribute("record", record);
        model.addAttribute("personCard",
                personCards.html(List.of(record.contact()), false, me.can(Permission.LOG_INTERACTIONS)).getFirst());
        addTimeline(model, TimelineScope.contact(id), timeline, true, me);
        return "contacts/detail";
    }

    /** A person's timeline alone, as {@link #companyTimeline} for a company. */
    @GetMapping("/contacts/{id}/timeline")
    String personTimeline(@PathVariable long id, TimelineRequest timeline,
                          @RequestHeader(value = "HX-Request", required = false) String htmx,
                          @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response) {
        if (htmx == null) {
            return person(id, timeline, me, model);
        }
        return timelineOnly(TimelineScope.contact(id), timeline, me, model, response, () -> clients.contact(id));
    }

    private String timelineOnly(TimelineScope scope, TimelineRequest timeline, CurrentUser me, Model model,
                                HttpServletResponse response, Runnable notFoundIfUnknown) {
        boolean nextPage = timeline.before() != null;
        boolean empty = addTimeline(model, scope, timeline, !nextPage, me);
        if (empty) {
            notFoundIfUnknown.run(); // entries prove the client exists: no lookup then
        }
        if (nextPage) {
            return "fragments/timeline :: page";
        }
        response.setHeader("HX-Push-Url", timeline.pageUrl(base(scope)));
        return "fragments/timeline :: results";
    }

    /**
     * Adds a page of the timeline to the model, with the count of what the filters let through when
     * {@code withCount}; true when the page has no entry. A person's timeline names the company of each entry (a
     * person may have dealt with several).
     */
    private boolean addTimeline(Model model, TimelineScope scope, TimelineRequest timeline, boolean withCount,
                                CurrentUser me) {
        TimelineFilter filter = timeline.filter();
        TimelineCursor cursor = timeline.cursor(clock.getZone());
        Slice<TimelineEntry, TimelineCursor> page;
        if (withCount && cursor == null) { // the page and its count, in one statement where the store can
            CountedTimeline counted = interactions.firstTimelinePage(scope, filter);
            page = counted.page();
            model.addAttribute("timelineCount", counted.count());
        } else {
            page = interactions.timeline(scope, filter, cursor);
            if (withCount) {
                model.addAttribute("timelineCount", interactions.timelineCount(scope, filter));
            }
        }
        model.addAttribute("timelineCountCap", InteractionService.COUNT_CAP);
        boolean person = scope.kind() == TimelineScope.Kind.CONTACT;
        model.addAttribute("timeline", page);
        model.addAttribute("timelineEntries", timelineViews.html(page, person, me.can(Permission.LOG_INTERACTIONS)));
        model.addAttribute("filter", filter);
        model.addAttribute("timelineRequest", timeline);
        model.addAttribute("olderPage", cursor != null);
        model.addAttribute("timelineBase", base(scope));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("departments", Department.values());
        return page.rows().isEmpty();
    }

    private static String base(TimelineScope scope) {
        return (scope.kind() == TimelineScope.Kind.CONTACT ? "/contacts/" : "/clients/") + scope.id();
    }
}
