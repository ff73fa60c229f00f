package org.relationcrm.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import org.relationcrm.team.UserRepository;

/**
 * Who may call what. Every route has an explicit rule; anything not listed is denied.
 * Object-level rules (only the owner, a manager or an admin edits a company) are checked by the services.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not for the generate command
class SecurityConfig {

    private static final String[] TALK_TO_CLIENTS = {"SALES", "SUPPORT", "ADV", "MANAGER"};
    private static final String[] REGISTER_COMPANIES = {"SALES", "ADV", "MANAGER", "ADMIN"};
    /** Relation uses none of these browser features: no page, nor anything injected into one, may ask for them. */
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottling loginThrottling) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // pipeline: deals, meetings, "My day", board, dashboard, concessions to approve
                        .requestMatchers(GET, "/").authenticated()
                        .requestMatchers(GET, "/opportunities/*").authenticated()
                        .requestMatchers(GET, "/meetings/*").authenticated()
                        .requestMatchers(GET, "/pipeline").hasAnyRole("SALES", "MANAGER")
                        .requestMatchers(GET, "/pipeline/dashboard", "/concessions/pending").hasRole("MANAGER")
                        .requestMatchers(POST, "/opportunities/*/concessions/*/approve",
                                "/opportunities/*/concessions/*/reject").hasRole("MANAGER")
                        .requestMatchers(GET, "/clients/*/opportunities/new", "/opportunities/*/edit",
                                "/opportunities/*/stage", "/opportunities/*/meetings/new", "/clients/*/meetings/new",
                                "/meetings/*/report").hasAnyRole("SALES", "MANAGER")
                        .requestMatchers(POST, "/clients/*/opportunities", "/opportunities/*", "/opportunities/*/stage",
                                "/opportunities/*/next-step", "/opportunities/*/concessions", "/meetings",
                                "/meetings/*/report").hasAnyRole("SALES", "MANAGER")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // everyone changes their own password
                        .requestMatchers(GET, "/profile/password").authenticated()
                        .requestMatchers(POST, "/profile/password").authenticated()
                        .requestMatchers(GET, "/clients/*/interactions/new", "/contacts/*/interactions/new")
                        .hasAnyRole(TALK_TO_CLIENTS)
                        .requestMatchers(POST, "/clients/*/interactions", "/contacts/*/interactions",
                                "/interactions/*/next-step/done")
                        .hasAnyRole(TALK_TO_CLIENTS)
                        .requestMatchers(GET, "/clients/new").hasAnyRole(REGISTER_COMPANIES)
                        .requestMatchers(POST, "/clients").hasAnyRole(REGISTER_COMPANIES)
                        // feedback: complaints (support owns them, manager for level 2+ checked by the service),
                        // surveys (sales, support, manager; the answer page is public by its single-use token),
                        // products held (ADV), lists for everyone; product lines admin is under /admin/**
                        .requestMatchers(GET, "/s/*").permitAll()
                        .requestMatchers(POST, "/s/*").permitAll()
                        .requestMatchers(GET, "/complaints").hasAnyRole("SUPPORT", "MANAGER")
                        .requestMatchers(GET, "/clients/*/complaints/new").hasAnyRole("SALES", "SUPPORT", "ADV", "MANAGER")
                        .requestMatchers(POST, "/clients/*/complaints").hasAnyRole("SALES", "SUPPORT", "ADV", "MANAGER")
                        .requestMatchers(POST, "/complaints/*/start", "/complaints/*/escalate", "/complaints/*/resolve",
                                "/complaints/*/close", "/complaints/*/reopen").hasAnyRole("SUPPORT", "MANAGER")
                        .requestMatchers(GET, "/complaints/*").authenticated()
                        .requestMatchers(POST, "/clients/*/surveys", "/surveys/*/theme").hasAnyRole("SALES", "SUPPORT", "MANAGER")
                        .requestMatchers(POST, "/clients/*/product-lines", "/clients/*/product-lines/*/remove").hasRole("ADV")
                        .requestMatchers(POST, "/risk/refresh").hasRole("MANAGER")
                        .requestMatchers(GET, "/risk", "/silent-clients", "/upcoming-dates", "/whitespace").authenticated()
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
