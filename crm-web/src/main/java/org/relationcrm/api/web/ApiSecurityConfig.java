package org.relationcrm.api.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiTokenService;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;

/**
 * The REST API's own chain, for {@code /api/**} only (the pages' chain is untouched): stateless, no session, no
 * CSRF (no cookie is read, so no browser can be made to send a credential), no login form; each call brings its
 * personal token as {@code Authorization: Bearer} ({@link BearerTokenFilter}). A READ token only reads (GET);
 * which role may write what is the pages' rule, asked here by {@link Permission} and again by the services.
 * The OpenAPI document and Swagger UI are public: they describe the API, they hold no data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfig {

    static final String REALM = "Relation API";

    static String challenge(String error) {
        return error == null ? "Bearer realm=\"" + REALM + "\"" : "Bearer realm=\"" + REALM + "\", error=\"" + error + "\"";
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, ApiRateLimiter rateLimiter,
                                      ApiProblems problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(GET, "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        // the pages' rules, by permission (the services check each record again: owner, level)
                        .requestMatchers(GET, "/api/v1/complaints").access(can(Permission.HANDLE_COMPLAINTS))
                        .requestMatchers(POST, "/api/v1/companies").access(write(Permission.REGISTER_COMPANIES))
                        .requestMatchers(POST, "/api/v1/interactions").access(write(Permission.LOG_INTERACTIONS))
                        .requestMatchers(POST, "/api/v1/deals").access(write(Permission.MANAGE_DEALS))
                        .requestMatchers(PUT, "/api/v1/deals/*").access(write(Permission.MANAGE_DEALS))
                        .requestMatchers(PATCH, "/api/v1/deals/*").access(write(Permission.MANAGE_DEALS))
                        .requestMatchers(POST, "/api/v1/complaints").access(write(Permission.RECORD_COMPLAINTS))
                        .requestMatchers(POST, "/api/v1/orders").access(write(Permission.PLACE_ORDERS))
                        .requestMatchers(PUT, "/api/v1/orders/*").access(write(Permission.MANAGE_ORDERS))
                        .requestMatchers(POST, "/api/v1/orders/*/status", "/api/v1/orders/*/cancel")
                        .access(write(Permission.MANAGE_ORDERS))
                        .requestMatchers(POST, "/api/v1/requests", "/api/v1/requests/*/reply",
                                "/api/v1/requests/*/rate").access(write(Permission.SEND_REQUESTS))
                        .requestMatchers(POST, "/api/v1/requests/*/accept", "/api/v1/requests/*/done",
                                "/api/v1/requests/*/decline", "/api/v1/requests/*/ask")
                        .access(write(Permission.ANSWER_REQUESTS))
                        .requestMatchers(GET, "/api/v1/**").authenticated()
                        .requestMatchers("/api/v1/**").access(scope(ApiScope.READ_WRITE))
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, rateLimiter, problems), BasicAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(null));
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden")))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> can(Permission permission) {
        return AuthorityAuthorizationManager.hasAuthority(CurrentUser.authority(permission));
    }

    private static AuthorizationManager<RequestAuthorizationContext> scope(ApiScope scope) {
        return AuthorityAuthorizationManager.hasAuthority(BearerTokenFilter.scopeAuthority(scope));
    }

    /** A write: a read-write token, and a role that grants the permission. */
    private static AuthorizationManager<RequestAuthorizationContext> write(Permission permission) {
        return AuthorizationManagers.allOf(scope(ApiScope.READ_WRITE), can(permission));
    }
}
