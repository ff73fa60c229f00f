package org.relationcrm.api.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}) in the reader's language
 * ({@link ApiProblems}), for the API's controllers only (the pages keep their error pages). Spring MVC's own refusals
 * (unreadable JSON, a wrong type in a parameter, an unsupported media type or method) come through
 * {@link ResponseEntityExceptionHandler}, their texts replaced by ours; the services' from the handlers below. A
 * broken rule lists each field in {@code errors}: its name, its message code (as the pages' forms use it) and the
 * message in the reader's language.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandling.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandling.class);

    private final ApiProblems problems;

    ApiExceptionHandling(ApiProblems problems) {
        this.problems = problems;
    }

    /** The problem's code for one of Spring MVC's refusals (shared with {@link ApiErrorResponses}). */
    static String codeOf(Exception e, HttpStatusCode status) {
        return switch (e) {
            case HttpMessageNotReadableException unreadable -> "unreadable";
            case MethodArgumentNotValidException invalid -> "invalidValues";
            case TypeMismatchException mismatch -> "parameter";
            case MissingServletRequestParameterException missing -> "missingParameter";
            case HttpRequestMethodNotSupportedException method -> "methodNotAllowed";
            case HttpMediaTypeNotSupportedException type -> "mediaType";
            case HttpMediaTypeNotAcceptableException type -> "notAcceptable";
            case NoResourceFoundException none -> "noRoute";
            case NoHandlerFoundException none -> "noRoute";
            default -> status.value() == 404 ? "noRoute" : "failed";
        };
    }

    /** The arguments of {@link #codeOf}'s text: the parameter's name (ours, never what the caller sent). */
    static Object[] argsOf(Exception e) {
        return switch (e) {
            case TypeMismatchException mismatch -> new Object[] {String.valueOf(mismatch.getPropertyName())};
            case MissingServletRequestParameterException missing -> new Object[] {missing.getParameterName()};
            default -> new Object[0];
        };
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest webRequest) {
        HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
        ProblemDetail problem = problems.problem(request, status, codeOf(e, status), argsOf(e));
        if (e instanceof MethodArgumentNotValidException invalid) {
            problem.setProperty("errors", invalid.getBindingResult().getFieldErrors().stream()
                    .map(f -> error(f.getField(), f.getCode(), problems.message(request, f)))
                    .toList());
        }
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        language(all, request);
        return ResponseEntity.status(status).headers(all).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.NOT_FOUND, "notFound"));
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenActionException e, HttpServletRequest request) {
        log.info("API refused: {}", e.getMessage());
        return respond(request, problems.problem(request, HttpStatus.FORBIDDEN, "roleForbidden"));
    }

    @ExceptionHandler(StaleEditException.class)
    ResponseEntity<ProblemDetail> stale(StaleEditException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.PRECONDITION_FAILED, "stale");
        problem.setProperty("currentVersion", e.currentVersion());
        return respond(request, problem);
    }

    /** Two writes at the same moment on the same version: the second one finds it changed at its commit. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> raced(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.PRECONDITION_FAILED, "stale"));
    }

    @ExceptionHandler(ApiRequestException.class)
    ResponseEntity<ProblemDetail> refused(ApiRequestException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, e.status(), e.code(), e.args());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(error(e.field(), "NotNull",
                    problems.message(request, "NotNull"))));
        }
        return respond(request, problem);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> broken(RuleViolation e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, "invalidValues");
        problem.setProperty("errors", e.broken().stream()
                .map(b -> error(b.field(), b.code(), problems.message(request, b.code(), b.args().toArray())))
                .toList());
        return respond(request, problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e, HttpServletRequest request) {
        log.info("API bad request: {}", e.getMessage());
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, "invalid");
        problem.setProperty("errors", List.of(error(null, "invalid", problems.message(request, "typeMismatch"))));
        return respond(request, problem);
    }

    /** A required value left out of the JSON reaches a constructor's null check: the caller's mistake. */
    @ExceptionHandler(NullPointerException.class)
    ResponseEntity<ProblemDetail> missing(NullPointerException e, HttpServletRequest request) {
        log.warn("API request missing a value: {}", e.getMessage());
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, "missing");
        problem.setProperty("errors", List.of(error(e.getMessage(), "NotNull", problems.message(request, "NotNull"))));
        return respond(request, problem);
    }

    @ExceptionHandler({IllegalStateException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e, HttpServletRequest request) {
        log.info("API conflict: {}", e.getMessage());
        return respond(request, problems.problem(request, HttpStatus.CONFLICT, "conflict"));
    }

    /** One broken field: its name (empty for the whole record), its code, and what it means for a reader. */
    private static Map<String, String> error(String field, String code, String message) {
        return Map.of("field", field == null ? "" : field, "code", code == null ? "" : code, "message", message);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpServletRequest request, ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        language(headers, request);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static void language(HttpHeaders headers, HttpServletRequest request) {
        headers.set(HttpHeaders.CONTENT_LANGUAGE, ApiProblems.language(request));
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
