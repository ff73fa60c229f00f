package org.relationcrm.config;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor over real HTTP, as a browser without JavaScript: keeps its cookies, does not follow redirects, and
 * posts forms with the CSRF token of the last page it read. Cookies can be carried to another node.
 */
public final class HttpVisitor {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String baseUrl;
    private String csrf;

    public HttpVisitor(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The same visitor, cookies and all, now talking to another node. */
    public HttpVisitor moveTo(String otherBaseUrl) {
        this.baseUrl = otherBaseUrl;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts a form with the CSRF token read on the last page. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        String body = withToken.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the login form; returns the answer to the form's post. */
    public HttpResponse<String> logIn(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets a cookie by hand, as a user could. */
    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            Matcher token = CSRF_FIELD.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The names of the cookies a response sets. */
    public static List<String> cookiesSetBy(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(header -> header.split("=", 2)[0].strip()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
