package org.relationcrm.config;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where request parameters enter the application, before Spring Security (its login and CSRF filters read them
 * too), so what follows never sees what it cannot store or should not run.
 *
 * <ul>
 *   <li><b>NUL bytes are removed</b> from every parameter name and value. PostgreSQL refuses 0x00 in text, so a
 *   NUL anywhere used to end in the 500 page. No one types a NUL: it comes from a paste of binary text or from a
 *   probe. Stripping it keeps everything else the user typed, where refusing the request would lose a whole form
 *   for one invisible character. Other control characters (tab, new line) are legitimate text and stay.</li>
 *   <li><b>An over-long parameter of a GET request gets the 400 page.</b> A GET carries searches, filters and
 *   page cursors: none needs more than {@value #MAX_GET_PARAMETER_LENGTH} characters. Long texts are posted, and
 *   forms check their own lengths next to the field. (Tomcat's header limit, set in application.properties, lets
 *   such a request reach the application instead of answering Tomcat's bare page itself.)</li>
 * </ul>
 */
final class ParameterEdge extends OncePerRequestFilter {

    /** The argument of the message error.400.tooLong, formatted there for the reader ("1 000", "1,000"). */
    static final int MAX_GET_PARAMETER_LENGTH = 1_000;
    /** The message key of the reason the 400 page shows (see {@link AppErrorController}). */
    static final String REASON_TOO_LONG = "error.400.tooLong";

    private static final char NUL = '\0';

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && hasOverLongParameter(request)) {
            request.setAttribute(AppErrorController.REASON_ATTRIBUTE,
                    new DefaultMessageSourceResolvable(new String[] {REASON_TOO_LONG}, new Object[] {MAX_GET_PARAMETER_LENGTH}));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(hasNul(request) ? new WithoutNul(request) : request, response);
    }

    private static boolean hasOverLongParameter(HttpServletRequest request) {
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value != null && value.length() > MAX_GET_PARAMETER_LENGTH) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasNul(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf(NUL) >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf(NUL) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static String strip(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(String.valueOf(NUL), "");
    }

    /** The request with NUL-free parameters; everything else (headers, body stream, path) is the original's. */
    private static final class WithoutNul extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithoutNul(HttpServletRequest request) {
            super(request);
            Map<String, String[]> clean = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                String[] cleanValues = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    cleanValues[i] = strip(values[i]);
                }
                clean.merge(strip(name), cleanValues, WithoutNul::concat);
            });
            this.parameters = Collections.unmodifiableMap(clean);
        }

        private static String[] concat(String[] first, String[] second) {
            String[] all = new String[first.length + second.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            return all;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
