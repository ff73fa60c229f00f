package org.relationcrm.search.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.relationcrm.search.GlobalSearch;
import org.relationcrm.search.SearchKind;
import org.relationcrm.search.SearchResults;

/**
 * The search box of the top bar. As the user types, htmx asks for the few best hits of each kind (the drop-down);
 * without JavaScript, or on Enter before any hit came, the same address answers a page with more of each.
 * Only the kinds whose pages the user may open are searched: the route rules of SecurityConfig decide, so the
 * search can never show what a click would refuse.
 */
@Controller
class SearchController {

    /** Where each kind of hit opens, followed by its id. */
    static final Map<SearchKind, String> PAGES = new EnumMap<>(Map.of(SearchKind.COMPANY, "/clients/",
            SearchKind.PERSON, "/contacts/", SearchKind.DEAL, "/opportunities/", SearchKind.COMPLAINT, "/complaints/"));

    private final GlobalSearch search;
    /** Spring Security's view of the route rules (asked when needed: absent when the app runs without a web tier). */
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> routes;

    SearchController(GlobalSearch search, ObjectProvider<WebInvocationPrivilegeEvaluator> routes) {
        this.search = search;
        this.routes = routes;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Authentication user, Model model) {
        boolean suggestions = htmx != null;
        WebInvocationPrivilegeEvaluator rules = routes.getObject();
        SearchResults results = search.find(q, visibleKinds(page -> rules.isAllowed("", page, "GET", user)),
                suggestions ? GlobalSearch.SUGGESTIONS : GlobalSearch.PAGE);
        model.addAttribute("results", results);
        model.addAttribute("pages", PAGES);
        return suggestions ? "search/results :: suggestions" : "search/results";
    }

    /** The kinds whose pages the user may open, asked with a page of each kind. */
    static Set<SearchKind> visibleKinds(Predicate<String> mayOpen) {
        Set<SearchKind> kinds = EnumSet.noneOf(SearchKind.class);
        PAGES.forEach((kind, page) -> {
            if (mayOpen.test(page + "1")) {
                kinds.add(kind);
            }
        });
        return kinds;
    }
}
