package org.relationcrm.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The API's RFC 9457 problem details, in the reader's language: {@code title} (the status, as RFC 9457 allows for
 * {@code about:blank}, localised) and {@code detail} come from the messages ({@code messages/api}), chosen by the
 * request's {@code Accept-Language} among French and English, English when it asks for neither or says nothing (the
 * pages' cookie is not read: an API call carries none). What a program reads stays the same in every language: the
 * {@code type} ({@code about:blank}: written by the filters, left out, which means the same, by Spring MVC's
 * converter), the {@code status}, the problem's {@code code} and each broken field's {@code field} and {@code code}. Used by the filters (401, 403, 429: written here, before any controller runs), by
 * {@link ApiExceptionHandling} and by {@link ApiErrorResponses}; the texts never carry anything the caller sent.
 */
@Component
class ApiProblems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The languages a problem is written in; the first is the one for a caller who asks for none of them. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);
    private static final String PREFIX = "api.problem.";

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** French or English, as {@code Accept-Language} prefers (quality values read); English otherwise. */
    static Locale locale(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return LANGUAGES.getFirst();
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return chosen == null ? LANGUAGES.getFirst() : chosen;
        } catch (IllegalArgumentException malformed) {
            return LANGUAGES.getFirst();
        }
    }

    /**
     * A problem of this status: {@code code} names its detail ({@code api.problem.<code>} in the messages, with
     * {@code args}) and is a property of the problem, the same in every language.
     */
    ProblemDetail problem(HttpServletRequest request, HttpStatusCode status, String code, Object... args) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(PREFIX + code, args, locale));
        problem.setTitle(title(status, locale));
        problem.setProperty("code", code);
        return problem;
    }

    /** A message (a broken rule's, a field's) in the request's language; the code itself if no message has it. */
    String message(HttpServletRequest request, String code, Object... args) {
        return messages.getMessage(code, args, code, locale(request));
    }

    /** A field error of Bean Validation, with its codes and arguments, in the request's language. */
    String message(HttpServletRequest request, MessageSourceResolvable error) {
        String fallback = error.getCodes() == null || error.getCodes().length == 0 ? "" : error.getCodes()[0];
        try {
            return messages.getMessage(error, locale(request));
        } catch (org.springframework.context.NoSuchMessageException e) {
            return fallback;
        }
    }

    /** The language the problems of this request are written in, for {@code Content-Language}. */
    static String language(HttpServletRequest request) {
        return locale(request).getLanguage();
    }

    /** Writes the problem as the response (from a filter, where no message converter runs). */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
               Object... args) throws IOException {
        ProblemDetail problem = problem(request, status, code, args);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language(request));
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        String body = "{\"type\":\"about:blank\",\"title\":" + quoted(problem.getTitle())
                + ",\"status\":" + status.value() + ",\"detail\":" + quoted(problem.getDetail())
                + ",\"instance\":" + quoted(request.getRequestURI()) + ",\"code\":" + quoted(code) + "}";
        response.getWriter().write(body);
    }

    private String title(HttpStatusCode status, Locale locale) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String phrase = known == null ? Integer.toString(status.value()) : known.getReasonPhrase();
        return messages.getMessage(PREFIX + "title." + status.value(), null, phrase, locale);
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, messages.getMessage(PREFIX + "failed", null, key, locale), locale);
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
