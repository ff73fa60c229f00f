package org.relationcrm.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.util.UrlUtils;

/**
 * Redirects within the app as a path only. Spring Security remembers the page asked for before the login as an
 * absolute URL built from the request's Host header; sent back as is, a forged Host would end up in the Location.
 * The app never redirects to another site, so the scheme and host are dropped.
 */
final class RelativeRedirects implements RedirectStrategy {

    private final RedirectStrategy relative = new DefaultRedirectStrategy();

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        if (!UrlUtils.isAbsoluteUrl(url)) {
            relative.sendRedirect(request, response, url);
            return;
        }
        response.sendRedirect(response.encodeRedirectURL(pathOf(url)));
    }

    static String pathOf(String absoluteUrl) {
        try {
            URI uri = URI.create(absoluteUrl);
            String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
            // "//host/..." would be read by the browser as another site: one leading slash only
            String path = "/" + rawPath.replaceFirst("^/+", "");
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
