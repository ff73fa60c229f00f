package org.relationcrm.api.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}), for the API's controllers only
 * (the pages keep their error pages). Spring MVC's own refusals (unreadable JSON, a wrong type in a parameter, an
 * unsupported media type or method) come from {@link ResponseEntityExceptionHandler}; the services' from the
 * handlers below. A broken business rule lists each field with its message code in {@code errors}.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandling.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandling.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record.");
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ProblemDetail forbidden(ForbiddenActionException e) {
        log.info("API refused: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this on this record.");
    }

    @ExceptionHandler(StaleEditException.class)
    ProblemDetail stale(StaleEditException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The record changed since the version in If-Match: read it again, then send your change.");
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(ApiRequestException.class)
    ProblemDetail refused(ApiRequestException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail broken(RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some values break the record's rules: see errors.");
        problem.setProperty("errors", e.broken().stream()
                .map(b -> Map.of("field", b.field() == null ? "" : b.field(), "code", b.code()))
                .toList());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        log.info("API bad request: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid values.");
        problem.setProperty("errors", List.of(Map.of("field", "", "code", "invalid")));
        return problem;
    }

    /** A required value left out of the JSON reaches a constructor's null check: the caller's mistake. */
    @ExceptionHandler(NullPointerException.class)
    ProblemDetail missing(NullPointerException e) {
        log.warn("API request missing a value: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A required value is missing.");
        problem.setProperty("errors", List.of(Map.of("field", e.getMessage() == null ? "" : e.getMessage(),
                "code", "NotNull")));
        return problem;
    }

    @ExceptionHandler({IllegalStateException.class, DataIntegrityViolationException.class})
    ProblemDetail conflict(RuntimeException e) {
        log.info("API conflict: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The record's state does not allow this change.");
    }
}
