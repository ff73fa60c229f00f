package org.relationcrm.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.relationcrm.team.web.CurrentUser;

/** What every page's layout needs: the signed-in user, their menu and the current address (for the language switch). */
@ControllerAdvice
class GlobalModel {

    @ModelAttribute("me")
    CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
        return user;
    }

    /** The top bar's menu for the signed-in user (none before login). */
    @ModelAttribute("menu")
    Navigation menu(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        return user == null ? null : Navigation.of(user, request.getRequestURI());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
