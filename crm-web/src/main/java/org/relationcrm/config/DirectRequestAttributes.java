package org.relationcrm.config;

import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Pages read their variables straight from the server's request. Thymeleaf keeps a page's variables as request
 * attributes and reads one for nearly every expression (the model's values, and its own and Spring's helpers for
 * messages, links and forms); by the time a page renders, the request is wrapped six or seven times over (the session,
 * Spring Security's filters), and each read went down every wrapper: 7 % of a small page's CPU in a profile. None of
 * those wrappers keeps attributes of its own (checked for each class: one that overrides the attribute methods is
 * gone through as before), so reading and writing them on the innermost request is the same, one call instead of
 * seven. Only for a plain request: a forward, an include or an error dispatch keeps special attributes in its own
 * wrapper.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DirectRequestAttributes {

    /** Whether each wrapper class declares attribute methods of its own (then it is not stepped over). */
    private static final Map<Class<?>, Boolean> KEEPS_ATTRIBUTES = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor directAttributesViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) { // Spring Boot's: its views are ThymeleafView
                    resolver.setViewClass(DirectAttributesView.class);
                }
                return bean;
            }
        };
    }

    /** The request a page renders with: attributes on the innermost request, all else through the wrappers. */
    static HttpServletRequest forRendering(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return request;
        }
        ServletRequest innermost = request;
        while (innermost instanceof ServletRequestWrapper wrapper) {
            if (keepsAttributes(wrapper.getClass())) {
                return request;
            }
            innermost = wrapper.getRequest();
        }
        return innermost == request ? request : new AttributesFromInnermost(request, innermost);
    }

    private static boolean keepsAttributes(Class<?> wrapperClass) {
        return KEEPS_ATTRIBUTES.computeIfAbsent(wrapperClass, type -> {
            for (Class<?> c = type; c != ServletRequestWrapper.class && c != null; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (Set.of("getAttribute", "setAttribute", "removeAttribute", "getAttributeNames")
                            .contains(method.getName())) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** Thymeleaf's view, rendering with {@link #forRendering}. */
    public static class DirectAttributesView extends ThymeleafView {

        @Override
        protected void renderFragment(Set<String> markupSelectors, Map<String, ?> model, HttpServletRequest request,
                                      HttpServletResponse response) throws Exception {
            super.renderFragment(markupSelectors, model, forRendering(request), response);
        }
    }

    private static final class AttributesFromInnermost extends HttpServletRequestWrapper {

        private final ServletRequest attributes;

        AttributesFromInnermost(HttpServletRequest request, ServletRequest innermost) {
            super(request);
            this.attributes = innermost;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return attributes.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.removeAttribute(name);
        }
    }
}
