package org.relationcrm.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.relationcrm.team.web.CurrentUser;

/** What every page's layout needs: the signed-in user, their menu and the current address (for the language switch). */
@ControllerAdvice
class GlobalModel {

    private final TopBar.TopBars topBars;

    GlobalModel(TopBar.TopBars topBars) {
        this.topBars = topBars;
    }

    @ModelAttribute("me")
    CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
        return user;
    }

    /** The top bar's search box and menu for the signed-in user (none before login), rendered when read. */
    @ModelAttribute("topBar")
    Object topBar(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        return topBars.of(user, request.getRequestURI());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
