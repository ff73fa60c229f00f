package org.relationcrm.quality.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.quality.CompletenessPoint;
import org.relationcrm.quality.CompletenessService;
import org.relationcrm.quality.LeastComplete;
import org.relationcrm.team.web.CurrentUser;

/**
 * The manager's data-quality page: the completeness trend by week for the team and each owner (the last snapshot of
 * each week), each rep's least complete clients with what is missing, and the way to the possible duplicates.
 */
@Controller
class CompletenessController {

    private final CompletenessService completeness;

    CompletenessController(CompletenessService completeness) {
        this.completeness = completeness;
    }

    /** One line of the trend table: the team (ownerId null) or an owner, and their figure for each week shown. */
    record TrendLine(Long ownerId, String name, List<CompletenessPoint> weeks) {
    }

    @GetMapping("/data-quality")
    String page(@AuthenticationPrincipal CurrentUser me, Model model) {
        List<CompletenessPoint> points = completeness.trend(me.actor());
        TreeSet<LocalDate> weeks = new TreeSet<>();
        Map<Long, TrendLine> lines = new LinkedHashMap<>();
        for (CompletenessPoint p : points) {
            weeks.add(p.day());
        }
        List<LocalDate> columns = new ArrayList<>(weeks);
        for (CompletenessPoint p : points) {
            long key = p.ownerId() == null ? -1L : p.ownerId();
            TrendLine line = lines.computeIfAbsent(key, k -> new TrendLine(p.ownerId(), p.ownerName(),
                    new ArrayList<>(java.util.Collections.nCopies(columns.size(), (CompletenessPoint) null))));
            line.weeks().set(columns.indexOf(p.day()), p);
        }
        Map<String, List<LeastComplete>> byRep = new LinkedHashMap<>();
        for (LeastComplete c : completeness.leastComplete(me.actor())) {
            byRep.computeIfAbsent(c.ownerName(), k -> new ArrayList<>()).add(c);
        }
        model.addAttribute("columns", columns);
        model.addAttribute("lines", List.copyOf(lines.values()));
        model.addAttribute("leastComplete", byRep);
        model.addAttribute("trendWeeks", CompletenessService.TREND_WEEKS);
        return "quality/data-quality";
    }

    @PostMapping("/data-quality/snapshot")
    String snapshot(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        completeness.snapshot(me.actor());
        redirect.addFlashAttribute("flash", "flash.completeness.computed");
        return "redirect:/data-quality";
    }
}
