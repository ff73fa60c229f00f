package org.relationcrm.config;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What each log line says about its request (README, "Operating Relation"): {@code requestId} in the MDC, taken from
 * an incoming {@code X-Request-Id} (a proxy's) when it is short and plain, else a new one, and sent back in the
 * response's {@code X-Request-Id}; and {@code user}, the signed-in username, once Spring Security has read the
 * session ({@link #user()}, registered after it). Both leave the MDC when the request ends.
 */
final class RequestLogContext extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "requestId";
    static final String USER = "user";
    /** Letters, digits and a few separators, up to 64: enough for a UUID or a proxy's id, nothing to forge a line. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // an error page's log lines belong to the request that failed
    }

    /** After Spring Security's filters: the signed-in user, if any. */
    static OncePerRequestFilter user() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
                    chain.doFilter(request, response);
                    return;
                }
                MDC.put(USER, signedIn.getName());
                try {
                    chain.doFilter(request, response);
                } finally {
                    MDC.remove(USER);
                }
            }
        };
    }
}
