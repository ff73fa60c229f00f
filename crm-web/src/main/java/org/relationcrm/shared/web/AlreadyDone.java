package org.relationcrm.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * The answer to a one-click step acted on a record that changed since the page was shown (a colleague, another tab,
 * the same click sent twice): nothing is done a second time, and a 409 page says so with a way back.
 */
public final class AlreadyDone {

    /** The page shown. */
    public static final String PAGE = "error/already-done";

    private AlreadyDone() {
    }

    public static String page(Model model, HttpServletResponse response, String doneKey, String backUrl,
                              String backKey) {
        model.addAttribute("doneKey", doneKey);
        model.addAttribute("backUrl", backUrl);
        model.addAttribute("backKey", backKey);
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return PAGE;
    }
}
