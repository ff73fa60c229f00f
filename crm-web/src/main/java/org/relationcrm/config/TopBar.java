package org.relationcrm.config;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.LazyContextVariable;

import org.relationcrm.shared.web.RenderedFragments;
import org.relationcrm.team.web.CurrentUser;

/**
 * The HTML of the top bar's search box and menu ({@code fragments/topbar.html}), the same for every user whose
 * permissions give the same menu, on the same page of it, in the same language: rendered once and reused
 * (RenderedFragments), since the profile of a small page showed the layout's menus taking most of its rendering.
 * The account menu (the user's name, the logout form with its CSRF token) stays rendered with each page.
 */
public record TopBar(String search, String menu) {

    /** Builds the top bar of the signed-in user, only when a page renders it (not for redirects or htmx parts). */
    @Component
    static class TopBars {

        private final RenderedFragments rendered;

        TopBars(RenderedFragments rendered) {
            this.rendered = rendered;
        }

        /** The top bar for the model: null before login, otherwise rendered (or reused) when the layout reads it. */
        Object of(CurrentUser me, String currentPath) {
            if (me == null) {
                return null;
            }
            return new LazyContextVariable<TopBar>() {
                @Override
                protected TopBar loadValue() {
                    return new TopBar(rendered.html("fragments/topbar :: search", "search", Boolean.TRUE),
                            rendered.html("fragments/topbar :: menu", "menu", Navigation.of(me, currentPath)));
                }
            };
        }
    }
}
