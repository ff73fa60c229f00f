package org.relationcrm.audit.web;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import org.relationcrm.audit.AuditAction;
import org.relationcrm.audit.AuditActor;
import org.relationcrm.audit.AuditLog;
import org.relationcrm.team.web.CurrentUser;

/**
 * Sign-ins, failed sign-ins and sign-outs into the audit log, from Spring Security's events. A success is the
 * interactive one (the login form), not every authentication: an operator's scraper signs in by HTTP basic on
 * each scrape of /actuator and would fill the log. A failure (form or basic) records the username typed, cut to
 * its column, the reason (wrong password, account disabled) and the address, never the password.
 */
@Component
class SignInAudit {

    private final AuditLog log;

    SignInAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        log.record(actor(authentication), AuditAction.LOGIN, null, Map.of());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String typed = attempt.getName() == null ? "" : attempt.getName().strip().replaceAll("\\p{Cntrl}", "?");
        String reason = switch (event.getException()) {
            case DisabledException e -> "DISABLED";
            case LockedException e -> "LOCKED";
            default -> "BAD_CREDENTIALS";
        };
        log.record(new AuditActor(null, typed, address(attempt)), AuditAction.LOGIN_FAILED, null,
                Map.of("reason", reason));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        log.record(actor(event.getAuthentication()), AuditAction.LOGOUT, null, Map.of());
    }

    private static AuditActor actor(Authentication authentication) {
        Long id = authentication.getPrincipal() instanceof CurrentUser user ? user.id() : null;
        return new AuditActor(id, authentication.getName(), address(authentication));
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return SignedInActor.address();
    }
}
