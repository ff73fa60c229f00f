package org.relationcrm.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.relationcrm.interaction.web.EventTexts;
import org.relationcrm.pipeline.DueStep;
import org.relationcrm.pipeline.PipelineService;
import org.relationcrm.team.web.CurrentUser;

/** "My day", the home page after login: what the signed-in user has to do today. */
@Controller
class MyDayController {

    private final PipelineService pipeline;
    private final EventTexts events;
    private final Clock clock;

    MyDayController(PipelineService pipeline, EventTexts events, Clock clock) {
        this.pipeline = pipeline;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/")
    String myDay(@AuthenticationPrincipal CurrentUser me, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("day", pipeline.myDay(me.actor()).withSteps(step -> worded(step, locale)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("nextWeek", LocalDate.now(clock).plusDays(7));
        model.addAttribute("staleDays", pipeline.settings().staleAfterDays());
        return "pipeline/myday";
    }

    /** A step planned by a timeline event (a care check-in, a call back) is worded from the event's type. */
    private DueStep worded(DueStep step, Locale locale) {
        if (step.eventType() == null) {
            return step;
        }
        return step.worded(events.headline(step.eventType(), step.eventArgs(), locale),
                events.nextStep(step.eventType(), step.eventArgs(), locale));
    }
}
