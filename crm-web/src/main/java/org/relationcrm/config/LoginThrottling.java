package org.relationcrm.config;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.relationcrm.audit.AuditAction;
import org.relationcrm.audit.AuditActor;
import org.relationcrm.audit.AuditLog;
import org.relationcrm.team.LoginThrottle;

/**
 * The login form's side of {@link LoginThrottle}: a locked account or address is refused before its password is
 * checked (the right password included), a wrong password is counted, a success starts the account's count again.
 * Locked or not, the answer is the same for an account that does not exist.
 */
@Component
class LoginThrottling implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

    static final String LOCKED_URL = "/login?locked";
    /**
     * The page asked for before the login, kept in a cookie (no server session before login); the security chain
     * saves it there and the success below reads it back.
     */
    static final RequestCache PAGES_ASKED_BEFORE_LOGIN = new CookieRequestCache();
    private static final Logger log = LoggerFactory.getLogger(LoginThrottling.class);

    private final LoginThrottle throttle;
    private final AuditLog auditLog;
    private final SavedRequestAwareAuthenticationSuccessHandler afterSuccess =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final RelativeRedirects redirects = new RelativeRedirects();

    LoginThrottling(LoginThrottle throttle, AuditLog auditLog) {
        this.throttle = throttle;
        this.auditLog = auditLog;
        afterSuccess.setDefaultTargetUrl("/");
        afterSuccess.setRequestCache(PAGES_ASKED_BEFORE_LOGIN);
        afterSuccess.setRedirectStrategy(redirects);
    }

    /** Put before the username/password filter; not a bean, so that it runs for the login form only. */
    OncePerRequestFilter lockCheck() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (throttle.lockedUntil(request.getParameter("username"), ClientAddress.of(request)).isPresent()) {
                    // refused before any password check: Spring Security publishes no failure, the audit log is told
                    auditLog.record(new AuditActor(null, printable(request.getParameter("username")),
                            request.getRemoteAddr()), AuditAction.LOGIN_FAILED, null, Map.of("reason", "LOCKED"));
                    redirects.sendRedirect(request, response, LOCKED_URL);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String address = ClientAddress.of(request);
        Optional<Instant> lock = throttle.failed(username, address);
        if (lock.isPresent()) {
            log.warn("login locked after repeated failures: account={} address={} until={}",
                    printable(username), address, lock.get());
        }
        redirects.sendRedirect(request, response, lock.isPresent() ? LOCKED_URL : "/login?error");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        throttle.succeeded(authentication.getName());
        afterSuccess.onAuthenticationSuccess(request, response, authentication);
    }

    /** What a user typed, safe for a log line (no forged line breaks), as the throttle counts it. */
    private static String printable(String username) {
        String name = LoginThrottle.account(username);
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
