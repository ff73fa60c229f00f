package org.relationcrm.myday.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.feedback.web.FeedbackCards;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.web.EventTexts;
import org.relationcrm.order.web.OrderCards;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.pipeline.DueStep;
import org.relationcrm.pipeline.MyDay;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.PipelineService;
import org.relationcrm.request.web.RequestCards;
import org.relationcrm.shared.BulkOutcome;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.web.Formats;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/**
 * "My day", the home page after login: the signed-in user's work for today, as their role has it. Everyone who
 * follows up clients gets their late and due items as a to-do list, acted on one at a time or selected together
 * (done, rescheduled, handed on); deal owners get today's meetings and their deals needing a plan; complaint
 * handlers their cases; the order desk its orders to confirm, deliveries due or late, overdue invoices and the deals
 * just signed; a manager the team's late work, and each teammate's list to share out.
 *
 * <p>Each action answers an htmx request with the list alone, swapped in place (the page keeps its scroll), and a
 * plain form post with a redirect back to My day (post/redirect/get): the page works without JavaScript too.
 */
@Controller
class MyDayController {

    private static final String PAGE = "pipeline/myday";
    private static final String WORK = "pipeline/myday :: work";

    private final PipelineService pipeline;
    private final InteractionService interactions;
    private final OpportunityService opportunities;
    private final FeedbackCards feedback;
    private final OrderCards orders;
    private final RequestCards requests;
    private final UserService users;
    private final Formats formats;
    private final EventTexts events;
    private final Clock clock;

    MyDayController(PipelineService pipeline, InteractionService interactions, OpportunityService opportunities,
                    FeedbackCards feedback, OrderCards orders, RequestCards requests, UserService users,
                    Formats formats, EventTexts events, Clock clock) {
        this.pipeline = pipeline;
        this.interactions = interactions;
        this.opportunities = opportunities;
        this.feedback = feedback;
        this.orders = orders;
        this.requests = requests;
        this.users = users;
        this.formats = formats;
        this.events = events;
        this.clock = clock;
    }

    /** {@code of}: a teammate's list, for whoever manages the team's follow-ups. */
    @GetMapping("/")
    String myDay(@RequestParam(required = false) Long of, @AuthenticationPrincipal CurrentUser me, Model model) {
        fill(model, me, of == null || of == me.id() ? null : of);
        return PAGE;
    }

    @PostMapping("/my-day/done")
    String done(@RequestParam(name = "item", required = false) List<String> items,
                @RequestParam(required = false) String only, @RequestParam(required = false) String of,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        return act(MyDayItems.parse(items, only), of, htmx, me, model, redirect, selection -> {
            BulkOutcome followUps = interactions.completeNextSteps(selection.followUps(), me.actor());
            // a deal always has a next step while open: it is replaced (on the deal's line), not just done
            BulkOutcome deals = BulkOutcome.kept(selection.deals().size());
            return MyDayNotice.of(followUps.plus(deals), "myday.done.applied", List.of(), "myday.kept.done");
        });
    }

    @PostMapping("/my-day/reschedule")
    String reschedule(@RequestParam(name = "item", required = false) List<String> items,
                      @RequestParam(required = false) String only, @RequestParam(required = false) String when,
                      @RequestParam(required = false) String on, @RequestParam(required = false) String of,
                      @RequestHeader(value = "HX-Request", required = false) String htmx,
                      @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        LocalDate due = dueDate(when, on);
        if (due == null) {
            return answer(MyDayNotice.error("myday.error.date"), of, htmx, me, model, redirect);
        }
        return act(MyDayItems.parse(items, only), of, htmx, me, model, redirect, selection -> {
            BulkOutcome followUps = interactions.rescheduleNextSteps(selection.followUps(), due, me.actor());
            BulkOutcome deals = opportunities.rescheduleNextSteps(selection.deals(), due, me.actor());
            return MyDayNotice.of(followUps.plus(deals), "myday.rescheduled.applied", List.of(formats.date(due)),
                    null);
        });
    }

    @PostMapping("/my-day/reassign")
    String reassign(@RequestParam(name = "item", required = false) List<String> items,
                    @RequestParam(required = false) String only, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String of,
                    @RequestHeader(value = "HX-Request", required = false) String htmx,
                    @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        User assignee = teammate(to);
        if (assignee == null || !assignee.enabled() || !assignee.asActor().can(Permission.LOG_INTERACTIONS)) {
            return answer(MyDayNotice.error("myday.error.assignee"), of, htmx, me, model, redirect);
        }
        return act(MyDayItems.parse(items, only), of, htmx, me, model, redirect, selection -> {
            BulkOutcome followUps = interactions.reassignNextSteps(selection.followUps(), assignee.id(), me.actor());
            BulkOutcome deals = opportunities.handOver(selection.deals(), assignee.id(), me.actor());
            return MyDayNotice.of(followUps.plus(deals), "myday.reassigned.applied", List.of(assignee.fullName()),
                    "myday.kept.reassign");
        });
    }

    private String act(MyDayItems selection, String of, String htmx, CurrentUser me, Model model,
                       RedirectAttributes redirect, Function<MyDayItems, MyDayNotice> action) {
        MyDayNotice notice;
        if (selection.problem() != null) {
            notice = MyDayNotice.error(selection.problem());
        } else {
            try {
                notice = action.apply(selection);
            } catch (OptimisticLockingFailureException e) {
                // saved by someone else between our read and our write: this transaction wrote nothing
                notice = MyDayNotice.error("myday.error.conflict");
            }
        }
        return answer(notice, of, htmx, me, model, redirect);
    }

    /** htmx: the list alone, to swap in place; otherwise back to My day, where the notice waits (post/redirect/get). */
    private String answer(MyDayNotice notice, String of, String htmx, CurrentUser me, Model model,
                          RedirectAttributes redirect) {
        Long teammate = teammateId(of, me);
        if (htmx != null) {
            model.addAttribute("notice", notice);
            fill(model, me, teammate);
            return WORK;
        }
        redirect.addFlashAttribute("notice", notice);
        return teammate == null ? "redirect:/" : "redirect:/?of=" + teammate;
    }

    private void fill(Model model, CurrentUser me, Long teammate) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("nextWeek", today.plusDays(7));
        model.addAttribute("staleDays", pipeline.settings().staleAfterDays());
        if (teammate != null) {
            model.addAttribute("day", worded(pipeline.dayOf(teammate, me.actor())));
            model.addAttribute("teammate", users.get(teammate).fullName());
            model.addAttribute("of", teammate);
        } else {
            model.addAttribute("day", worded(pipeline.myDay(me.actor())));
            if (me.can(Permission.HANDLE_COMPLAINTS)) {
                model.addAttribute("myComplaints", feedback.openComplaintsOf(me.id()));
            }
            // requests between departments: what the user's department (or the user) is asked, what waits on them
            model.addAttribute("requests", requests.of(me.actor()));
            if (me.can(Permission.HANDLE_ESCALATED_COMPLAINTS)) {
                model.addAttribute("escalated", feedback.escalatedComplaints());
            }
            if (me.can(Permission.MANAGE_ORDERS) && me.can(Permission.LOG_INTERACTIONS)) {
                model.addAttribute("desk", orders.desk()); // the order desk's orders, deliveries and invoices
            }
            if (me.can(Permission.MANAGE_HELD_PRODUCT_LINES)) {
                model.addAttribute("recentlyWon", pipeline.recentlyWon(me.actor()));
                model.addAttribute("recentlyWonDays", PipelineService.RECENTLY_WON_DAYS);
            }
            if (me.can(Permission.MANAGE_TEAM_FOLLOW_UPS)) {
                model.addAttribute("team", pipeline.teamLoad(me.actor()));
            }
        }
        if (me.can(Permission.LOG_INTERACTIONS)) {
            long owner = teammate != null ? teammate : me.id();
            model.addAttribute("assignees", users.activeAbleTo(Permission.LOG_INTERACTIONS).stream()
                    .filter(u -> u.id() != owner).map(u -> new Assignee(u.id(), u.fullName())).toList());
        }
    }

    /** Whom a list's items can be handed on to. */
    record Assignee(long id, String fullName) {
    }

    /** Tomorrow, in a week, or the date chosen (today or later, within the dates Relation accepts); null if none. */
    private LocalDate dueDate(String when, String on) {
        LocalDate today = LocalDate.now(clock);
        if ("TOMORROW".equals(when)) {
            return today.plusDays(1);
        }
        if ("NEXT_WEEK".equals(when)) {
            return today.plusDays(7);
        }
        if (on == null || on.isBlank() || on.length() > 10) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(on.strip());
            return date.isBefore(today) || !SaneDates.contains(date) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private User teammate(String to) {
        Long id = MyDayItems.number(to);
        if (id == null) {
            return null;
        }
        try {
            return users.get(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The teammate whose list the user acted on, for whoever may open it; otherwise their own list. */
    private static Long teammateId(String of, CurrentUser me) {
        Long id = MyDayItems.number(of);
        return id == null || id == me.id() || !me.can(Permission.MANAGE_TEAM_FOLLOW_UPS) ? null : id;
    }

    private MyDay worded(MyDay day) {
        Locale locale = LocaleContextHolder.getLocale();
        return day.withSteps(step -> worded(step, locale));
    }

    /** A step planned by a timeline event (a care check-in, a call back) is worded from the event's type. */
    private DueStep worded(DueStep step, Locale locale) {
        if (step.eventType() == null) {
            return step;
        }
        // a call planned from a segment says the message personalised for the person, when there is one
        String about = step.eventType() == TimelineEventType.CALL_PLANNED && step.about() != null ? step.about()
                : events.headline(step.eventType(), step.eventArgs(), locale);
        return step.worded(about, events.nextStep(step.eventType(), step.eventArgs(), locale));
    }
}
