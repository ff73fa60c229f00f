package org.relationcrm.quality.web;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;

/** What both merge forms (two companies, two people) do with a post and with a refused undo. */
final class MergeFlow {

    private MergeFlow() {
    }

    /**
     * The post of a merge form: merged, to the survivor's page with the flash; a rule broken, the form again with its
     * message; one of the two saved since the form was shown, the form again as they are now ({@code formAfterChange},
     * the choices as ticked) with a message saying so.
     */
    static String submit(BindingResult errors, Runnable merge, Supplier<String> form, Supplier<String> formAfterChange,
                         RedirectAttributes redirect, String flash, String survivorPage) {
        if (errors.hasErrors()) {
            return form.get();
        }
        try {
            merge.run();
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return form.get();
        } catch (StaleEditException | OptimisticLockingFailureException changed) {
            errors.reject("quality.merge.changed");
            return formAfterChange.get();
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + survivorPage;
    }

    /** An undo refused (too late, undone already, the survivor merged since): the reason on the duplicates page. */
    static String refused(RuleViolation refused, RedirectAttributes redirect, String page) {
        RuleViolation.Broken why = refused.broken().getFirst();
        redirect.addFlashAttribute("refused", why.code());
        redirect.addFlashAttribute("refusedArg", why.args().isEmpty() ? null : why.args().getFirst());
        return "redirect:" + page;
    }
}
