package org.relationcrm.record.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.web.PersonCards;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.interaction.web.TimelineViews;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
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

    RecordController(ClientRecordService records, ClientService clients, InteractionService interactions,
                     TimelineViews timelineViews, RecordCards cards, PersonCards personCards) {
        this.records = records;
        this.clients = clients;
        this.interactions = interactions;
        this.timelineViews = timelineViews;
        this.cards = cards;
        this.personCards = personCards;
    }

    @GetMapping("/clients/{id}")
    String company(@PathVariable long id, @RequestParam(required = false) Channel channel,
                   @RequestParam(required = false) Department department,
                   @RequestParam(required = false) String before,
                   @AuthenticationPrincipal CurrentUser me, Model model) {
        var record = records.companyRecord(id);
        model.addAttribute("record", record);
        model.addAttribute("canEdit", record.company().canBeEditedBy(me.actor()));
        model.addAttribute("personCards", personCards.html(record.contacts(), true, me.can(Permission.LOG_INTERACTIONS)));
        addTimeline(model, TimelineScope.company(id), new TimelineFilter(channel, department), before, me);
        cards.addTo(model, id);
        return "clients/detail";
    }

    /** The next page of a company's timeline; an htmx request gets only the entries, a plain one the whole page. */
    @GetMapping("/clients/{id}/timeline")
    String companyTimeline(@PathVariable long id, @RequestParam(required = false) Channel channel,
                           @RequestParam(required = false) Department department,
                           @RequestParam(required = false) String before,
                           @RequestHeader(value = "HX-Request", required = false) String htmx,
                           @AuthenticationPrincipal CurrentUser me, Model model) {
        if (htmx == null) {
            return company(id, channel, department, before, me, model);
        }
        boolean empty = addTimeline(model, TimelineScope.company(id), new TimelineFilter(channel, department), before, me);
        if (empty) {
            clients.company(id); // 404 for an unknown client (entries prove the client exists: no lookup then)
        }
        return "fragments/timeline :: page";
    }

    @GetMapping("/contacts/{id}")
    String person(@PathVariable long id, @RequestParam(required = false) Channel channel,
                  @RequestParam(required = false) Department department,
                  @RequestParam(required = false) String before, @AuthenticationPrincipal CurrentUser me,
                  Model model) {
        var record = records.personRecord(id);
        model.addAttribute("record", record);
        model.addAttribute("personCard",
                personCards.html(List.of(record.contact()), false, me.can(Permission.LOG_INTERACTIONS)).getFirst());
        addTimeline(model, TimelineScope.contact(id), new TimelineFilter(channel, department), before, me);
        return "contacts/detail";
    }

    /** The next page of a person's timeline, as {@link #companyTimeline} for a company. */
    @GetMapping("/contacts/{id}/timeline")
    String personTimeline(@PathVariable long id, @RequestParam(required = false) Channel channel,
                          @RequestParam(required = false) Department department,
                          @RequestParam(required = false) String before,
                          @RequestHeader(value = "HX-Request", required = false) String htmx,
                          @AuthenticationPrincipal CurrentUser me, Model model) {
        if (htmx == null) {
            return person(id, channel, department, before, me, model);
        }
        boolean empty = addTimeline(model, TimelineScope.contact(id), new TimelineFilter(channel, department), before, me);
        if (empty) {
            clients.contact(id); // 404 for an unknown person (entries prove the person exists: no lookup then)
        }
        return "fragments/timeline :: page";
    }

    /**
     * Adds a page of the timeline to the model; true when the page has no entry. A person's timeline names the
     * company of each entry (a person may have dealt with several).
     */
    private boolean addTimeline(Model model, TimelineScope scope, TimelineFilter filter, String before, CurrentUser me) {
        TimelineCursor cursor = before == null || before.isBlank() ? null : TimelineCursor.decode(before);
        var page = interactions.timeline(scope, filter, cursor);
        boolean person = scope.kind() == TimelineScope.Kind.CONTACT;
        var views = timelineViews.of(page, person, me.can(Permission.LOG_INTERACTIONS));
        model.addAttribute("timeline", views);
        model.addAttribute("timelineEntries", timelineViews.html(views));
        model.addAttribute("filter", filter);
        model.addAttribute("olderPage", cursor != null);
        model.addAttribute("timelineBase", (person ? "/contacts/" : "/clients/") + scope.id());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("departments", Department.values());
        return page.rows().isEmpty();
    }
}
