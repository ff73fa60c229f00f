package org.relationcrm.config;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * Errors become pages in the layout with a reason people can act on; never a stack trace.
 * Form errors are handled by each controller next to the fields; what reaches here is a bad link or a forbidden act.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final TopBar.TopBars topBars;

    ErrorHandling(TopBar.TopBars topBars) {
        this.topBars = topBars;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, @AuthenticationPrincipal CurrentUser me,
                    HttpServletRequest request) {
        layout(model, me, request);
        return "error/404";
    }

    @ExceptionHandler(ForbiddenActionException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ForbiddenActionException e, Model model, @AuthenticationPrincipal CurrentUser me,
                    HttpServletRequest request) {
        layout(model, me, request);
        log.info("Refused: {}", e.getMessage());
        return "error/403";
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e, Model model, @AuthenticationPrincipal CurrentUser me,
                    HttpServletRequest request) {
        layout(model, me, request);
        // An exception's text is for developers, in English: logged, never shown (the page's words are messages).
        log.info("Bad request: {}", e.getMessage());
        return "error/400";
    }

    /** A file over spring.servlet.multipart.max-file-size (an import): the bad-request page, with status 413. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Exception e, Model model, @AuthenticationPrincipal CurrentUser me, HttpServletRequest request) {
        layout(model, me, request);
        log.info("Upload too large: {}", e.getMessage());
        return "error/400";
    }

    @ExceptionHandler(IllegalStateException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(IllegalStateException e, Model model, @AuthenticationPrincipal CurrentUser me,
                    HttpServletRequest request) {
        layout(model, me, request);
        log.info("Conflict: {}", e.getMessage());
        return "error/409";
    }

    /** What the layout needs, which @ModelAttribute methods do not give an exception handler's model. */
    private void layout(Model model, CurrentUser me, HttpServletRequest request) {
        model.addAttribute("me", me);
        model.addAttribute("topBar", topBars.of(me, request.getRequestURI()));
    }
}
