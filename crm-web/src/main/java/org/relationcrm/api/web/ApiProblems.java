package org.relationcrm.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details written by the API's filters (401, 403, 429), before any controller runs; the
 * controllers' own errors come from {@link ApiExceptionHandling}, with the same fields. The texts are for the
 * developers who call the API, in English, and never carry anything the caller sent but the path.
 */
final class ApiProblems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private ApiProblems() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        String body = "{\"type\":\"about:blank\",\"title\":" + quoted(status.getReasonPhrase())
                + ",\"status\":" + status.value() + ",\"detail\":" + quoted(detail)
                + ",\"instance\":" + quoted(request.getRequestURI()) + "}";
        response.getWriter().write(body);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
