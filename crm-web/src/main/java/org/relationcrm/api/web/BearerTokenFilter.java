package org.relationcrm.api.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.relationcrm.api.ApiCaller;
import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiTokenService;
import org.relationcrm.team.web.CurrentUser;

/**
 * {@code Authorization: Bearer rel_...}: the token's user, as they are now, becomes the request's user (a
 * {@link CurrentUser}, so the controllers and the rules read it as on the pages), with one more authority, the
 * token's scope ({@code SCOPE_READ} or {@code SCOPE_READ_WRITE}). A bad token gets its 401 here; a missing one is
 * left to the rules (the documentation is public). Then each call takes one from the token's bucket, or gets 429.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String SCOPE_PREFIX = "SCOPE_";
    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ApiRateLimiter rateLimiter;
    private final ApiProblems problems;

    BearerTokenFilter(ApiTokenService tokens, ApiRateLimiter rateLimiter, ApiProblems problems) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
    }

    static String scopeAuthority(ApiScope scope) {
        return SCOPE_PREFIX + scope.name();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiCaller> caller = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiSecurityConfig.challenge("invalid_token"));
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalidToken");
            return;
        }
        long waitSeconds = rateLimiter.acquire(caller.get().tokenId());
        if (waitSeconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rateLimited", rateLimiter.perMinute());
            return;
        }
        CurrentUser user = new CurrentUser(caller.get().user());
        user.eraseCredentials();
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(scopeAuthority(caller.get().scope())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
