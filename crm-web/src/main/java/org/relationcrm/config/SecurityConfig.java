package org.relationcrm.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.relationcrm.team.Permission.ADMINISTER_CATALOG;
import static org.relationcrm.team.Permission.ADMINISTER_SERVICE_LEVELS;
import static org.relationcrm.team.Permission.ANSWER_REQUESTS;
import static org.relationcrm.team.Permission.ADMINISTER_USERS;
import static org.relationcrm.team.Permission.APPROVE_CONCESSIONS;
import static org.relationcrm.team.Permission.COACH_TEAM;
import static org.relationcrm.team.Permission.HANDLE_COMPLAINTS;
import static org.relationcrm.team.Permission.LOG_INTERACTIONS;
import static org.relationcrm.team.Permission.MANAGE_DEALS;
import static org.relationcrm.team.Permission.MANAGE_HELD_PRODUCT_LINES;
import static org.relationcrm.team.Permission.MANAGE_ORDERS;
import static org.relationcrm.team.Permission.PLACE_ORDERS;
import static org.relationcrm.team.Permission.MANAGE_PLAYBOOKS;
import static org.relationcrm.team.Permission.OPERATE;
import static org.relationcrm.team.Permission.MERGE_CLIENTS;
import static org.relationcrm.team.Permission.IMPORT_DATA;
import static org.relationcrm.team.Permission.EXPORT_LISTS;
import static org.relationcrm.team.Permission.RECORD_COMPLAINTS;
import static org.relationcrm.team.Permission.REFRESH_RISK;
import static org.relationcrm.team.Permission.REGISTER_COMPANIES;
import static org.relationcrm.team.Permission.SEND_REQUESTS;
import static org.relationcrm.team.Permission.SEND_SURVEYS;
import static org.relationcrm.team.Permission.VIEW_DASHBOARDS;
import static org.relationcrm.team.Permission.VIEW_PIPELINE_BOARD;
import static org.relationcrm.team.Permission.VIEW_REQUEST_FIGURES;
import static org.relationcrm.team.Permission.USE_SEGMENTS;
import static org.relationcrm.team.Permission.EXPORT_SEGMENTS;
import static org.relationcrm.team.Permission.VIEW_KPIS;
import static org.relationcrm.team.Permission.ENTER_ACQUISITION_COSTS;
import static org.relationcrm.team.Permission.HANDLE_PRIVACY_REQUESTS;
import static org.relationcrm.team.Permission.VIEW_AUDIT_LOG;
import static org.relationcrm.team.Permission.VIEW_CHANGE_HISTORY;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import org.relationcrm.team.LoginThrottle;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserRepository;
import org.relationcrm.team.web.CurrentUser;

/**
 * Who may call what. Every route has an explicit rule, stated as the {@link Permission} it needs (granted by roles in
 * {@link org.relationcrm.team.Role}); anything not listed is denied. Object-level rules (the owner, or whoever may edit
 * any company) are checked by the services with the same permissions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not for the generate command
class SecurityConfig {

    /** Relation uses none of these browser features: no page, nor anything injected into one, may ask for them. */
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=()";

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and authorisations: with
     * Actuator present, Spring Security wraps every filter of the chain in one (start, stop, events, ~8 % of the app's
     * CPU on a small page in a JFR profile). The HTTP timings per route that operators read
     * ({@code http_server_requests}) come from Spring MVC's own observation and stay.
     */
    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottling loginThrottling) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // pipeline: deals, meetings, "My day", board, dashboard, concessions to approve
                        .requestMatchers(GET, "/").authenticated()
                        .requestMatchers(GET, "/opportunities/*").authenticated()
                        .requestMatchers(GET, "/meetings/*").authenticated()
                        .requestMatchers(GET, "/pipeline", "/pipeline/columns/*").access(can(VIEW_PIPELINE_BOARD))
                        .requestMatchers(GET, "/pipeline/dashboard").access(can(VIEW_DASHBOARDS))
                        .requestMatchers(GET, "/concessions/pending").access(can(APPROVE_CONCESSIONS))
                        .requestMatchers(POST, "/opportunities/*/concessions/*/approve",
                                "/opportunities/*/concessions/*/reject").access(can(APPROVE_CONCESSIONS))
                        .requestMatchers(GET, "/clients/*/opportunities/new", "/opportunities/*/edit",
                                "/opportunities/*/stage", "/opportunities/*/meetings/new", "/clients/*/meetings/new",
                                "/meetings/*/report", "/meetings/*/invitation.ics").access(can(MANAGE_DEALS))
                        .requestMatchers(POST, "/clients/*/opportunities", "/opportunities/*", "/opportunities/*/stage",
                                "/opportunities/*/move", "/opportunities/*/next-step", "/opportunities/*/concessions", "/meetings",
                                "/meetings/*/report").access(can(MANAGE_DEALS))
                        .requestMatchers("/admin/product-lines/**").access(can(ADMINISTER_CATALOG))
                        .requestMatchers("/admin/service-levels").access(can(ADMINISTER_SERVICE_LEVELS))
                        // audit: the log for the administrator, a record's history of changes for managers and
                        // administrators (a user's history: administrators only, checked by ChangeHistory)
                        .requestMatchers(GET, "/admin/audit").access(can(VIEW_AUDIT_LOG))
                        .requestMatchers(GET, "/history/*/*").access(can(VIEW_CHANGE_HISTORY))
                        .requestMatchers("/admin/**").access(can(ADMINISTER_USERS))
                        // everyone changes their own password
                        .requestMatchers(GET, "/profile/password").authenticated()
                        .requestMatchers(POST, "/profile/password").authenticated()
                        // everyone keeps their own API tokens (the API itself has its own chain: ApiSecurityConfig)
                        .requestMatchers(GET, "/profile/tokens").authenticated()
                        .requestMatchers(POST, "/profile/tokens", "/profile/tokens/*/revoke").authenticated()
                        .requestMatchers(GET, "/clients/*/interactions/new", "/contacts/*/interactions/new",
                                "/interactions/mood-guide")
                        .access(can(LOG_INTERACTIONS))
                        .requestMatchers(POST, "/clients/*/interactions", "/contacts/*/interactions",
                                "/interactions/*/next-step/done")
                        .access(can(LOG_INTERACTIONS))
                        // "My day": acting on one's items (done, rescheduled, handed on); which items, the services say
                        .requestMatchers(POST, "/my-day/done", "/my-day/reschedule", "/my-day/reassign")
                        .access(can(LOG_INTERACTIONS))
                        .requestMatchers(GET, "/clients/new").access(can(REGISTER_COMPANIES))
                        .requestMatchers(POST, "/clients").access(can(REGISTER_COMPANIES))
                        // feedback: complaints (support owns them, manager for level 2+ checked by the service),
                        // surveys (sales, support, manager; the answer page is public by its single-use token),
                        // products held (ADV), lists for everyone; the catalogue of product lines is under /admin
                        .requestMatchers(GET, "/s/*").permitAll()
                        .requestMatchers(POST, "/s/*").permitAll()
                        .requestMatchers(GET, "/complaints").access(can(HANDLE_COMPLAINTS))
                        .requestMatchers(GET, "/clients/*/complaints/new").access(can(RECORD_COMPLAINTS))
                        .requestMatchers(POST, "/clients/*/complaints").access(can(RECORD_COMPLAINTS))
                        .requestMatchers(POST, "/complaints/*/start", "/complaints/*/respond", "/complaints/*/escalate",
                                "/complaints/*/resolve", "/complaints/*/close", "/complaints/*/reopen")
                        .access(can(HANDLE_COMPLAINTS))
                        .requestMatchers(GET, "/complaints/*").authenticated()
                        .requestMatchers(POST, "/clients/*/surveys", "/surveys/*/theme").access(can(SEND_SURVEYS))
                        // requests between departments: sent (and answered back, rated) by the requester, answered
                        // by the receiving department (which department, the service checks), figures for managers
                        .requestMatchers(GET, "/clients/*/requests/new", "/requests/mine").access(can(SEND_REQUESTS))
                        .requestMatchers(POST, "/clients/*/requests", "/requests/*/reply", "/requests/*/rate")
                        .access(can(SEND_REQUESTS))
                        .requestMatchers(GET, "/requests").access(can(ANSWER_REQUESTS))
                        .requestMatchers(POST, "/requests/*/accept", "/requests/*/done", "/requests/*/decline",
                                "/requests/*/ask").access(can(ANSWER_REQUESTS))
                        .requestMatchers(GET, "/requests/figures").access(can(VIEW_REQUEST_FIGURES))
                        .requestMatchers(GET, "/requests/*").authenticated()
                        .requestMatchers(POST, "/clients/*/product-lines", "/clients/*/product-lines/*/remove")
                        .access(can(MANAGE_HELD_PRODUCT_LINES))
                        .requestMatchers(POST, "/risk/refresh").access(can(REFRESH_RISK))
                        .requestMatchers(GET, "/risk", "/silent-clients", "/upcoming-dates", "/whitespace").authenticated()
                        // the order desk: everyone reads a client's orders; ADV (and the administrator) takes and
                        // follows them; a sales rep passes the order of a won deal of theirs (checked by the service)
                        .requestMatchers(GET, "/clients/*/orders/new").access(can(PLACE_ORDERS))
                        .requestMatchers(POST, "/clients/*/orders").access(can(PLACE_ORDERS))
                        .requestMatchers(GET, "/orders/*/edit").access(can(MANAGE_ORDERS))
                        .requestMatchers(POST, "/orders/*", "/orders/*/status", "/orders/*/cancel").access(can(MANAGE_ORDERS))
                        .requestMatchers(GET, "/clients/*/orders", "/orders/*").authenticated()

                        // playbooks: managers write them, everyone reads them and says whether they helped
                        .requestMatchers(GET, "/playbooks/new", "/playbooks/*/edit").access(can(MANAGE_PLAYBOOKS))
                        .requestMatchers(POST, "/playbooks", "/playbooks/*").access(can(MANAGE_PLAYBOOKS))
                        .requestMatchers(POST, "/playbooks/*/votes").authenticated()
                        .requestMatchers(GET, "/playbooks", "/playbooks/*", "/playbooks/*/history").authenticated()
                        // the search box: each kind of hit only for those who may open its page (SearchController)
                        .requestMatchers(GET, "/search").authenticated()
                        .requestMatchers(GET, "/coaching", "/coaching/interactions/*").access(can(COACH_TEAM))
                        .requestMatchers(POST, "/coaching/interactions/*").access(can(COACH_TEAM))
                        // a review: its rep, managers and admins (CoachingService checks which, and answers 403)
                        .requestMatchers(GET, "/my-coaching").access(can(LOG_INTERACTIONS))
                        .requestMatchers(GET, "/coaching/reviews/*").authenticated()
                        .requestMatchers(POST, "/coaching/reviews/*/answer").authenticated()
                        // segments: someone else's private segment answers 404 (SegmentService); its author alone
                        // edits or deletes it (403)
                        .requestMatchers(GET, "/segments/*/calls").access(can(LOG_INTERACTIONS))
                        .requestMatchers(POST, "/segments/*/calls").access(can(LOG_INTERACTIONS))
                        .requestMatchers(POST, "/segments/*/surveys").access(can(SEND_SURVEYS))
                        .requestMatchers(GET, "/segments/*/export").access(can(EXPORT_SEGMENTS))
                        .requestMatchers(GET, "/segments", "/segments/new", "/segments/count", "/segments/*",
                                "/segments/*/edit").access(can(USE_SEGMENTS))
                        .requestMatchers(POST, "/segments", "/segments/*", "/segments/*/delete")
                                .access(can(USE_SEGMENTS))
                        // KPIs: the team's for managers and admins, one's own clients' for reps (InsightService
                        // narrows the rows behind a figure to the reader's clients unless they may VIEW_KPIS)
                        .requestMatchers(GET, "/insight", "/insight/review").access(can(VIEW_KPIS))
                        .requestMatchers(POST, "/insight/actions", "/insight/actions/*/done", "/insight/summary")
                                .access(can(VIEW_KPIS))
                        .requestMatchers(GET, "/my-insight").access(can(LOG_INTERACTIONS))
                        .requestMatchers(GET, "/insight/rows/*").authenticated()
                        .requestMatchers(GET, "/insight/costs").access(can(ENTER_ACQUISITION_COSTS))
                        .requestMatchers(POST, "/insight/costs").access(can(ENTER_ACQUISITION_COSTS))
                        // emails into the timeline: the queue of unmatched emails, filed or discarded by whoever logs
                        .requestMatchers(GET, "/mailbox/unmatched", "/mailbox/unmatched/*").access(can(LOG_INTERACTIONS))
                        .requestMatchers(POST, "/mailbox/unmatched/*/assign", "/mailbox/unmatched/*/discard")
                                .access(can(LOG_INTERACTIONS))
                        // data quality: possible duplicates, merges and their undo (managers, administrators)
                        .requestMatchers(GET, "/duplicates", "/duplicates/merge", "/duplicates/people/merge",
                                "/data-quality").access(can(MERGE_CLIENTS))
                        .requestMatchers(POST, "/duplicates/refresh", "/duplicates/dismiss", "/duplicates/merge",
                                "/merges/*/undo", "/data-quality/snapshot").access(can(MERGE_CLIENTS))
                        // a person's GDPR rights: consent history, export, anonymisation (managers, administrators)
                        .requestMatchers(GET, "/contacts/*/privacy", "/contacts/*/privacy/export.json",
                                "/contacts/*/privacy/print").access(can(HANDLE_PRIVACY_REQUESTS))
                        .requestMatchers(POST, "/contacts/*/privacy/anonymise").access(can(HANDLE_PRIVACY_REQUESTS))
                        // the same for two records of one person
                        .requestMatchers(POST, "/duplicates/people/dismiss", "/duplicates/people/merge",
                                "/person-merges/*/undo").access(can(MERGE_CLIENTS))
                        // imports (ADV, managers, administrators; each sees their own: ImportService) and list exports
                        .requestMatchers(GET, "/imports", "/imports/*", "/imports/*/mapping", "/imports/*/preview",
                                "/imports/*/rejected").access(can(IMPORT_DATA))
                        .requestMatchers(POST, "/imports", "/imports/*/mapping", "/imports/*/run")
                                .access(can(IMPORT_DATA))
                        .requestMatchers(GET, "/clients/export").access(can(EXPORT_LISTS))
                        // reading: every role reads the same 360° record
                        .requestMatchers(GET, "/", "/clients", "/clients/**", "/contacts/**").authenticated()
                        // editing a company (owner, manager, admin: checked on the record) and people (anyone)
                        .requestMatchers(POST, "/clients/*", "/clients/*/contacts", "/contacts", "/contacts/*",
                                "/contacts/*/primary").authenticated()
                        .anyRequest().denyAll())
                // No server session before login (sessions live in PostgreSQL and anonymous visits must not add
                // rows): the CSRF token lives in an HttpOnly SameSite cookie, checked against the form's hidden
                // field (masked per page against BREACH), and the page asked before login is kept in a cookie too.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .requestCache(cache -> cache.requestCache(LoginThrottling.PAGES_ASKED_BEFORE_LOGIN))
                // throttled sign-in (LoginThrottling); redirects are paths, never built from the Host header
                .formLogin(form -> form.loginPage("/login").successHandler(loginThrottling)
                        .failureHandler(loginThrottling).permitAll())
                .addFilterBefore(loginThrottling.lockCheck(), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginPage()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * Operators (Spring Boot Actuator, README "Operating Relation"), before the pages' chain: the bare health probes
     * answer anyone (load balancers, the container's HEALTHCHECK; details only for {@code OPERATE}), everything else
     * needs {@code OPERATE}, from a signed-in session or HTTP basic (throttled like the login form, see
     * {@link OperatorBasicAuth}). No session is created here and no page is remembered for after a login.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain operatorFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        OperatorBasicAuth basic = new OperatorBasicAuth(throttle);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(GET, "/actuator/info", "/actuator/prometheus").access(can(OPERATE))
                        .anyRequest().denyAll())
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .addFilterBefore(basic.lockCheck(), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basic))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** A route's rule: the signed-in user's authorities hold this permission (see {@link CurrentUser}). */
    private static AuthorizationManager<RequestAuthorizationContext> can(Permission permission) {
        return AuthorityAuthorizationManager.hasAuthority(CurrentUser.authority(permission));
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository(); // HttpOnly: no script needs it
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** The anonymous visitor goes to "/login", a path: the default would build an absolute URL from the Host header. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        loginPage.setFavorRelativeUris(true);
        return loginPage;
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .map(CurrentUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
