package org.relationcrm.request.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.request.RequestKind;
import org.relationcrm.request.ServiceLevel;
import org.relationcrm.request.ServiceLevels;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.web.CurrentUser;

/**
 * The administrator's grid of service levels: one row per kind of request, one column per receiving department, each
 * cell a target in working hours. One form saves the whole grid; a cell refused keeps what was typed, with its message.
 */
@Controller
class ServiceLevelController {

    private final ServiceLevels levels;

    ServiceLevelController(ServiceLevels levels) {
        this.levels = levels;
    }

    /** A cell of the grid: the level, the value shown (typed or stored), its message, the value stored if it differs. */
    record Cell(long id, String department, String value, long version, String error, Integer stored) {
    }

    record Row(RequestKind kind, List<Cell> cells) {
    }

    @GetMapping("/admin/service-levels")
    String grid(Model model) {
        return page(model, Map.of(), Map.of(), false);
    }

    @PostMapping("/admin/service-levels")
    String save(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser me,
                Model model, RedirectAttributes redirect) {
        Map<Long, Integer> hours = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        Map<Long, String> errors = new HashMap<>();
        Map<Long, String> typed = new HashMap<>();
        for (ServiceLevel level : levels.all()) {
            String raw = params.getFirst("h" + level.id());
            if (raw == null) {
                continue;
            }
            typed.put(level.id(), raw);
            Integer value = parsed(raw, 4);
            if (value == null) {
                errors.put(level.id(), "request.level.number");
                continue;
            }
            hours.put(level.id(), value);
            Integer version = parsed(params.getFirst("v" + level.id()), 9);
            versions.put(level.id(), version == null ? -1L : version.longValue());
        }
        if (!errors.isEmpty()) {
            return page(model, typed, errors, false);
        }
        try {
            levels.change(hours, versions, me.actor());
        } catch (StaleEditException e) {
            return page(model, typed, Map.of(), true);
        } catch (RuleViolation refused) { // out of range: the level's rule, its message on its cell
            refused.broken().forEach(b -> errors.put(Long.valueOf(b.field()), b.code()));
            return page(model, typed, errors, false);
        }
        redirect.addFlashAttribute("flash", "flash.request.levels");
        return "redirect:/admin/service-levels";
    }

    /** A whole number of at most {@code digits} digits, or null. */
    private static Integer parsed(String raw, int digits) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() || s.length() > digits || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(s);
    }

    private String page(Model model, Map<Long, String> typed, Map<Long, String> errors, boolean conflict) {
        Map<RequestKind, List<Cell>> byKind = new java.util.EnumMap<>(RequestKind.class);
        List<String> departments = new ArrayList<>();
        List<ServiceLevel> all = new ArrayList<>(levels.all());
        // rows in the order of the kinds, columns in the order of the departments
        all.sort(java.util.Comparator.comparing(ServiceLevel::department));
        for (ServiceLevel level : all) {
            String stored = Integer.toString(level.targetHours());
            String shown = typed.getOrDefault(level.id(), stored);
            Integer differs = conflict && !shown.equals(stored) ? level.targetHours() : null;
            byKind.computeIfAbsent(level.kind(), k -> new ArrayList<>()).add(new Cell(level.id(),
                    level.department().name(), shown, level.version(), errors.get(level.id()), differs));
            if (!departments.contains(level.department().name())) {
                departments.add(level.department().name());
            }
        }
        model.addAttribute("rows", byKind.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList());
        model.addAttribute("departments", departments);
        model.addAttribute("conflict", conflict);
        model.addAttribute("hasErrors", !errors.isEmpty());
        model.addAttribute("min", ServiceLevel.MIN_HOURS);
        model.addAttribute("max", ServiceLevel.MAX_HOURS);
        return "admin/service-levels";
    }
}
