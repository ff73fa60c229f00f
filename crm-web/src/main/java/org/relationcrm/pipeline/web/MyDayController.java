package org.relationcrm.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.relationcrm.pipeline.PipelineService;
import org.relationcrm.team.web.CurrentUser;

/** "My day", the home page after login: what the signed-in user has to do today. */
@Controller
class MyDayController {

    private final PipelineService pipeline;
    private final Clock clock;

    MyDayController(PipelineService pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @GetMapping("/")
    String myDay(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("day", pipeline.myDay(me.actor()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("nextWeek", LocalDate.now(clock).plusDays(7));
        model.addAttribute("staleDays", pipeline.settings().staleAfterDays());
        return "pipeline/myday";
    }
}
