package org.relationcrm.shared;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people outside Relation reach it ({@code relation.base-url}, env {@code RELATION_BASE_URL}): every absolute
 * link that leaves the app (a survey email, a link to copy) starts with it. Never taken from a request's Host header,
 * which the sender of the request chooses.
 */
@Component
public class BaseUrl {

    private final String base;

    public BaseUrl(@Value("${relation.base-url:http://localhost:8080}") String baseUrl) {
        this.base = checked(baseUrl.strip());
    }

    /** {@code path} (starting with "/") under the base URL. */
    public String link(String path) {
        return base + path;
    }

    private static String checked(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("relation.base-url (RELATION_BASE_URL) must be an http(s) address such as "
                + "https://crm.example.com, without query: " + url);
    }
}
