package org.relationcrm.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The page for errors that happen outside our controllers (a filter's refusal, a 404 for an unknown address, a
 * method not allowed, an exception no handler took), in place of Boot's BasicErrorController. Relation is made of
 * HTML pages, so the answer is always a page in the layout, whatever the client accepts: never JSON, never a
 * status "999". Opened directly ({@code GET /error}), there is no error to show: the "not found" page.
 */
@Controller
class AppErrorController implements ErrorController {

    /**
     * A request attribute a filter may set to the reason the page shows: a message key, or a
     * {@link MessageSourceResolvable} when the message has arguments (numbers are formatted for the reader).
     */
    static final String REASON_ATTRIBUTE = AppErrorController.class.getName() + ".reason";

    private final MessageSource messages;

    AppErrorController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        response.setStatus(status);
        Object reason = request.getAttribute(REASON_ATTRIBUTE);
        if (reason instanceof String key) {
            reason = new DefaultMessageSourceResolvable(key);
        }
        if (reason instanceof MessageSourceResolvable resolvable) {
            model.addAttribute("reason", messages.getMessage(resolvable, RequestContextUtils.getLocale(request)));
        }
        return "error/" + page(status);
    }

    /** The pages we have: one per status people meet, the nearest for the others. */
    private static int page(int status) {
        return switch (status) {
            case 400, 403, 404, 409, 503 -> status;
            case 401 -> 403;
            default -> status < 500 ? 400 : 500;
        };
    }
}
