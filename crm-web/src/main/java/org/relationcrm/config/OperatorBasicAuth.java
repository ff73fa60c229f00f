package org.relationcrm.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import org.relationcrm.team.LoginThrottle;

/**
 * HTTP basic on /actuator (a Prometheus scraper cannot fill the login form), throttled like the login form: a locked
 * account or address is refused before its password is checked, and each wrong password counts in the same
 * {@link LoginThrottle}, so basic authentication opens no unthrottled way to guess passwords. A success does not
 * reset the account's count (a scraper would write to the database at every scrape); the form's next success does.
 * Every refusal is the same bare 401, locked or not, known account or not.
 */
final class OperatorBasicAuth implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(OperatorBasicAuth.class);
    private static final String CHALLENGE = "Basic realm=\"Relation operators\", charset=\"UTF-8\"";

    private final LoginThrottle throttle;

    OperatorBasicAuth(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Before the basic authentication filter: a locked account or address goes no further. */
    OncePerRequestFilter lockCheck() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return basicUsername(request).isEmpty();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (throttle.lockedUntil(basicUsername(request).orElseThrow(), ClientAddress.of(request)).isPresent()) {
                    refuse(response);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException refusal) throws IOException {
        Optional<String> username = basicUsername(request);
        // no credentials at all is not a failed attempt; wrong (or unreadable) ones are
        if (username.isPresent() && !(refusal instanceof InsufficientAuthenticationException)) {
            String address = ClientAddress.of(request);
            throttle.failed(username.get(), address).ifPresent(until -> log.warn(
                    "operator basic authentication locked after repeated failures: account={} address={} until={}",
                    LoginThrottle.account(username.get()).replaceAll("\\p{Cntrl}", "?"), address, until));
        }
        refuse(response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** The username of an "Authorization: Basic" header, "" when it cannot be decoded; empty without one. */
    static Optional<String> basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("");
        }
    }
}
