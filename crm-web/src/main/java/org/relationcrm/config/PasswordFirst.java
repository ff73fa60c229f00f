package org.relationcrm.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import org.relationcrm.team.web.CurrentUser;

/**
 * A user whose password an administrator reset reaches no page but the one where they choose their own: every other
 * page sends them there (htmx requests are told to go there too). Choosing it ends their sessions, and they sign
 * in again with nothing left to do first.
 */
class PasswordFirst implements HandlerInterceptor {

    static final String PASSWORD_PAGE = "/profile/password";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser me)
                || !me.mustChangePassword()) {
            return true;
        }
        String target = request.getContextPath() + PASSWORD_PAGE;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", target);
        }
        return false;
    }
}
