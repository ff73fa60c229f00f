package org.relationcrm.config;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** French first: the language is French unless the user picks English (?lang=en), remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("relation-lang");
        resolver.setDefaultLocale(Locale.FRENCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Turns off the ResourceUrlEncodingFilter that the webjars locator brings in: it probes the classpath for every
     * link a page renders (each th:href), which cost 1 ms per link, about 30 ms on a 360° page. Our static files
     * have stable names, so there is nothing for it to rewrite.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Bounds the page requests that run at once (see {@link RequestAdmission}); first in the chain but for the request's log context, before security,
     * so a queued request costs nothing but its place in the queue (limits in application.properties).
     */
    @Bean
    FilterRegistrationBean<RequestAdmission> requestAdmission(
            @Value("${relation.web.max-concurrent-requests}") int max,
            @Value("${relation.web.max-queue-wait-ms}") long maxWaitMillis) {
        FilterRegistrationBean<RequestAdmission> registration =
                new FilterRegistrationBean<>(new RequestAdmission(max, maxWaitMillis));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after RequestLogContext
        return registration;
    }

    /**
     * Cleans parameters where they enter (see {@link ParameterEdge}): right after admission and before Spring
     * Security, whose login and CSRF filters read parameters too.
     */
    @Bean
    FilterRegistrationBean<ParameterEdge> parameterEdge() {
        FilterRegistrationBean<ParameterEdge> registration = new FilterRegistrationBean<>(new ParameterEdge());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * The request's id (X-Request-Id) in every log line, before admission so that a refused request has one too;
     * the signed-in user right after Spring Security (see {@link RequestLogContext}).
     */
    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext() {
        FilterRegistrationBean<RequestLogContext> registration = new FilterRegistrationBean<>(new RequestLogContext());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLogUser() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(RequestLogContext.user());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new PasswordFirst())
                .excludePathPatterns(PasswordFirst.PASSWORD_PAGE, "/error", "/css/**", "/js/**", "/webjars/**",
                        "/favicon.ico");
    }
}
