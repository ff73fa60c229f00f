package org.relationcrm.shared.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Parts of a page rendered once and reused: a fragment whose HTML depends only on one immutable value (a record
 * holding everything the fragment shows, flags of the reader included) and the reader's language. The 360° page
 * shows 25 timeline entries and up to 9 person cards; most readers open the same clients again and again, and an
 * entry changes only with its version, so their HTML is kept (64 M characters at most, 64 to 128 MB of heap, the least
 * recently used go first) instead of being rendered again through some thirty template expressions each. A cache
 * smaller than what people open turns most visits into misses, and a miss costs more than rendering in the page: the
 * benchmark's 955 clients (their first two timeline pages, their cards, their list lines) take about 52 M characters,
 * and with 40 M the 360° page cost a third more CPU than with all of it kept.
 * <p>
 * A controller (or the component that prepares its model) asks for the HTML; the template writes it with
 * {@code th:utext}, as it was escaped when rendered. A reused fragment holds nothing of one reader's session, so
 * it may not have a form that posts (such a form holds the reader's CSRF token), which is checked; its buttons name
 * a form of the page ({@code form="…"}) instead. A form that gets (a search box) has no token.
 */
@Component
public class RenderedFragments {

    /** A form that does not say it gets: it posts, with the reader's CSRF token. */
    private static final Pattern POSTING_FORM = Pattern.compile("<form(?![^>]*method=\"get\")[^>]*>",
            Pattern.CASE_INSENSITIVE);

    private final ISpringTemplateEngine engine;
    private final ApplicationContext context;
    private final Cache<Key, String> rendered;

    RenderedFragments(ISpringTemplateEngine engine, ApplicationContext context,
                      @Value("${relation.web.rendered-fragments-max-chars:64000000}") long maxChars,
                      ObjectProvider<MeterRegistry> metrics) {
        this.engine = engine;
        this.context = context;
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((Key key, String html) -> html.length())
                .recordStats()
                .build();
        // hits, misses and evictions on /actuator/prometheus (cache_gets_total{cache="rendered_fragments"}): many
        // misses mean the cache is smaller than what people open, and then dearer than none
        metrics.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, rendered, "rendered_fragments"));
    }

    /**
     * The HTML of {@code fragment} ("template :: name") with {@code value} as its variable {@code name}, in the
     * current request's language.
     */
    public String html(String fragment, String name, Object value) {
        return html(fragment, value, name, () -> value);
    }

    /**
     * As {@link #html(String, String, Object)}, for a value that costs to build: the HTML is kept under {@code key},
     * which must determine the value (everything the value is made of, in the reader's language), and the value is
     * built only when that HTML is not kept yet.
     */
    public String html(String fragment, Object key, String name, Supplier<?> value) {
        var request = currentRequest();
        Key cacheKey = new Key(fragment, key, LocaleContextHolder.getLocale(), request.getRequest().getContextPath());
        return rendered.get(cacheKey, k -> render(k, name, value.get(), request));
    }

    long size() {
        return rendered.estimatedSize();
    }

    private String render(Key key, String name, Object value, ServletRequestAttributes request) {
        HttpServletRequest servletRequest = request.getRequest();
        HttpServletResponse response = request.getResponse();
        var exchange = JakartaServletWebApplication.buildApplication(servletRequest.getServletContext())
                .buildExchange(servletRequest, response);
        var variables = Map.<String, Object>of(name, value,
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, context.getBean("mvcConversionService", ConversionService.class)));
        int separator = key.fragment().indexOf("::");
        String template = key.fragment().substring(0, separator).strip();
        String selector = key.fragment().substring(separator + 2).strip();
        // A web context keeps its variables as request attributes: the page's own model attributes of the same names
        // are put back once the fragment is rendered.
        Map<String, Object> pageAttributes = new HashMap<>();
        variables.keySet().forEach(variable -> pageAttributes.put(variable, servletRequest.getAttribute(variable)));
        String html;
        try {
            html = engine.process(template, Set.of(selector), new WebContext(exchange, key.locale(), variables));
        } finally {
            pageAttributes.forEach((variable, pageValue) -> {
                if (pageValue == null) {
                    servletRequest.removeAttribute(variable);
                } else {
                    servletRequest.setAttribute(variable, pageValue);
                }
            });
        }
        if (POSTING_FORM.matcher(html).find()) {
            throw new IllegalStateException(key.fragment() + " holds a form that posts, which needs the reader's "
                    + "CSRF token: its HTML cannot be shared between readers");
        }
        return html;
    }

    private static ServletRequestAttributes currentRequest() {
        if (RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes;
        }
        throw new IllegalStateException("rendered fragments are for pages, in a request");
    }

    private record Key(String fragment, Object value, Locale locale, String contextPath) {
    }
}
