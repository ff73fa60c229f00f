package org.relationcrm.feedback.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.RiskSort;
import org.relationcrm.feedback.SilentSort;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.SortDirection;
import org.relationcrm.shared.web.ListLinks;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;

/**
 * Lists that keep clients: the riskiest customers with their reasons, silent clients, upcoming important dates,
 * and the whitespace matrix of product lines. Everyone sees their own clients by default; all clients on demand.
 */
@Controller
class FeedbackListsController {

    private final FeedbackReadService reads;
    private final ProductLineAdmin catalogue;

    FeedbackListsController(FeedbackReadService reads, ProductLineAdmin catalogue) {
        this.reads = reads;
        this.catalogue = catalogue;
    }

    @GetMapping("/risk")
    String risk(@RequestParam(required = false) String scope, @RequestParam(required = false) String after,
                @RequestParam(required = false) RiskSort sort, @RequestParam(required = false) SortDirection dir,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        boolean all = isAll(scope, me);
        ListSort<RiskSort> sorted = ListSort.of(sort, dir, RiskSort.byDefault());
        var page = reads.riskiest(all ? null : me.id(), sorted, SortCursor.decode(after, sorted));
        listModel(model, "/risk", all, sorted, page);
        return htmx != null ? "feedback/risk :: rows" : "feedback/risk";
    }

    /** The churn-risk table is refreshed every few minutes; a manager can ask for it now. */
    @PostMapping("/risk/refresh")
    String refresh(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        if (!me.can(Permission.REFRESH_RISK)) {
            throw new ForbiddenActionException("only a manager recomputes the churn risk");
        }
        reads.refreshRisk();
        redirect.addFlashAttribute("flash", "flash.risk.refreshed");
        return "redirect:/risk?scope=all";
    }

    @GetMapping("/silent-clients")
    String silent(@RequestParam(required = false) String scope, @RequestParam(required = false) String after,
                  @RequestParam(required = false) SilentSort sort, @RequestParam(required = false) SortDirection dir,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @AuthenticationPrincipal CurrentUser me, Model model) {
        boolean all = isAll(scope, me);
        ListSort<SilentSort> sorted = ListSort.of(sort, dir, SilentSort.byDefault());
        var page = reads.silent(all ? null : me.id(), sorted, SortCursor.decode(after, sorted));
        listModel(model, "/silent-clients", all, sorted, page);
        model.addAttribute("days", reads.silentAfterDays());
        return htmx != null ? "feedback/silent :: rows" : "feedback/silent";
    }

    /** What the two sorted lists show besides their rows: the scope, the sort, links that keep both. */
    private static void listModel(Model model, String path, boolean all, ListSort<?> sorted, Slice<?, ?> page) {
        String scope = all ? "all" : "mine";
        model.addAttribute("scope", scope);
        model.addAttribute("sort", sorted);
        model.addAttribute("links", new ListLinks(path, Map.of("scope", scope), sorted));
        model.addAttribute("page", page);
    }

    @GetMapping("/upcoming-dates")
    String dates(@RequestParam(required = false) String scope, @AuthenticationPrincipal CurrentUser me, Model model) {
        boolean all = isAll(scope, me);
        model.addAttribute("scope", all ? "all" : "mine");
        model.addAttribute("dates", reads.upcomingDates(all ? null : me.id()));
        return "feedback/dates";
    }

    @GetMapping("/whitespace")
    String whitespace(@RequestParam(required = false) String sector, @RequestParam(required = false) String scope,
                      @AuthenticationPrincipal CurrentUser me, Model model) {
        boolean all = !"mine".equals(scope);
        String chosen = blankToNull(sector);
        model.addAttribute("scope", all ? "all" : "mine");
        model.addAttribute("sector", chosen);
        model.addAttribute("sectors", reads.sectors());
        var rows = reads.whitespace(chosen, all ? null : me.id());
        var names = catalogue.all().stream().collect(java.util.stream.Collectors.toMap(l -> l.id(), l -> l.name()));
        model.addAttribute("lines", rows.isEmpty() ? java.util.List.of()
                : rows.getFirst().lineIds().stream().map(names::get).toList());
        model.addAttribute("rows", rows);
        return "feedback/whitespace";
    }

    /** Who may edit any company (managers, admins) starts on everyone's clients; the others on their own. */
    private static boolean isAll(String scope, CurrentUser me) {
        if (scope == null) {
            return me.can(Permission.EDIT_ANY_COMPANY);
        }
        return "all".equals(scope);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
