package org.relationcrm.api.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses before calling a service: a bad cursor or limit, a missing or malformed If-Match, a
 * required value left out. {@code code} names the problem's text in the messages ({@code api.problem.<code>});
 * {@code field}, when there is one, is listed in the problem's {@code errors} as a form would show it.
 */
final class ApiRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<Object> args;
    private final String field;

    ApiRequestException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(args), null);
    }

    private ApiRequestException(HttpStatus status, String code, List<Object> args, String field) {
        super(code + (field == null ? "" : " " + field));
        this.status = status;
        this.code = code;
        this.args = args;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args.toArray();
    }

    /** The field a required value is missing from, or null. */
    String field() {
        return field;
    }

    static ApiRequestException badParameter(String code, Object... args) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, code, args);
    }

    /** A value the operation cannot do without is missing from the body. */
    static ApiRequestException required(String field) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, "invalidValues", List.of(), field);
    }
}
