package org.relationcrm.client.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.relationcrm.client.Contact;

/**
 * A person's name as the read models give it (first and last name joined in SQL), or, for a person whose data was
 * erased, "anonymised person" in the reader's words: never the token their record keeps instead of a name. Used in
 * templates as {@code @names.person(row.contactName())}; the pickers and cards that hold a whole person use
 * {@code ContactCard.anonymised()}, the same rule ({@link Contact#isAnonymisedName}).
 */
@Component("names")
public class PersonNames {

    private final MessageSource messages;

    PersonNames(MessageSource messages) {
        this.messages = messages;
    }

    public String person(String joinedName) {
        return Contact.isAnonymisedName(null, joinedName)
                ? messages.getMessage("privacy.anonymisedPerson", null, LocaleContextHolder.getLocale())
                : joinedName;
    }
}
