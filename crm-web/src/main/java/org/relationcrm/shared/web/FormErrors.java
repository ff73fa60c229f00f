package org.relationcrm.shared.web;

import org.springframework.validation.BindingResult;

import org.relationcrm.shared.RuleViolation;

/**
 * Where the domain's word on a form lands: each rule a {@link RuleViolation} names goes next to its field, with
 * its message code and arguments, so the page re-shows the form as typed with the reason in the reader's language.
 * Controllers hand the form to the service and catch the violation; they do not check again what the aggregate
 * checks:
 * <pre>{@code
 * try {
 *     interactions.log(entry, me.actor());
 * } catch (RuleViolation broken) {
 *     FormErrors.show(broken, errors);
 *     return form(model);
 * }
 * }</pre>
 * A rule about a field the form does not have (or about no field) becomes an error of the whole form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(RuleViolation violation, BindingResult errors) {
        for (RuleViolation.Broken broken : violation.broken()) {
            Object[] args = broken.args().toArray();
            if (broken.field() != null && isFieldOf(errors, broken.field())) {
                if (!errors.hasFieldErrors(broken.field())) { // the form's own message on the field comes first
                    errors.rejectValue(broken.field(), broken.code(), args, null);
                }
            } else {
                errors.reject(broken.code(), args, null);
            }
        }
    }

    private static boolean isFieldOf(BindingResult errors, String field) {
        try {
            return errors.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }
}
