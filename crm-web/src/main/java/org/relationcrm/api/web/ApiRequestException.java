package org.relationcrm.api.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses before calling a service: a bad cursor or limit, a missing or malformed If-Match. */
final class ApiRequestException extends RuntimeException {

    private final HttpStatus status;

    ApiRequestException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static ApiRequestException badParameter(String detail) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, detail);
    }
}
