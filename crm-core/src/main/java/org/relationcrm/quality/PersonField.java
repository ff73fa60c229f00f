package org.relationcrm.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.relationcrm.client.Consent;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.ImportantDate;
import org.relationcrm.shared.RuleViolation;

/**
 * A field of a person whose value the merge takes from one record or the other. The important dates, the personal
 * notes and the preferences are not chosen: the survivor keeps both records' (dates once each, texts one after the
 * other), since each was typed by someone who knew the person.
 */
public enum PersonField {
    CIVILITY(ContactDetails::civility),
    FIRST_NAME(ContactDetails::firstName),
    LAST_NAME(ContactDetails::lastName),
    PREFERRED_NAME(ContactDetails::preferredName),
    JOB_TITLE(ContactDetails::jobTitle),
    EMAIL(ContactDetails::email),
    PHONE(ContactDetails::phone),
    MOBILE(ContactDetails::mobile),
    CITY(ContactDetails::city),
    PREFERRED_CHANNEL(ContactDetails::preferredChannel),
    LANGUAGE(ContactDetails::language),
    CONSENT_EMAIL(d -> d.consent().email()),
    CONSENT_PHONE(d -> d.consent().phone()),
    CONSENT_SMS(d -> d.consent().sms()),
    CONSENT_LETTER(d -> d.consent().letter());

    /** Message codes of what a merge refuses. */
    public static final String TOO_MANY_DATES = "quality.personMerge.tooManyDates";
    public static final String TEXT_TOO_LONG = "quality.personMerge.textTooLong";

    private final Function<ContactDetails, Object> value;

    PersonField(Function<ContactDetails, Object> value) {
        this.value = value;
    }

    public Object of(ContactDetails details) {
        return value.apply(details);
    }

    public boolean isConsent() {
        return name().startsWith("CONSENT_");
    }

    /**
     * Taking the loser's value here would turn the survivor's refusal into a consent: allowed only when the user ticks
     * it (the form says so), never by default.
     */
    public boolean turnsRefusalIntoConsent(ContactDetails survivor, ContactDetails loser) {
        return isConsent() && Boolean.FALSE.equals(of(survivor)) && Boolean.TRUE.equals(of(loser));
    }

    /**
     * What the form ticks at first: the fields the survivor lacks and the loser has, and a consent the loser refused
     * where the survivor consented. Consents carry no date here, so which decision is the more recent cannot be told:
     * the refusal is kept, and a consent is only taken from the loser when the user ticks it.
     */
    public static List<PersonField> defaultFromLoser(ContactDetails survivor, ContactDetails loser) {
        List<PersonField> fields = new ArrayList<>();
        for (PersonField field : values()) {
            boolean taken = field.isConsent()
                    ? Boolean.TRUE.equals(field.of(survivor)) && Boolean.FALSE.equals(field.of(loser))
                    : field.of(survivor) == null && field.of(loser) != null;
            if (taken) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The survivor's details with the chosen fields taken from the loser, and both records' dates, notes, preferences. */
    public static ContactDetails pick(ContactDetails survivor, ContactDetails loser, Collection<PersonField> fromLoser) {
        Set<ImportantDate> dates = new LinkedHashSet<>(survivor.importantDates());
        dates.addAll(loser.importantDates());
        if (dates.size() > Contact.MAX_IMPORTANT_DATES) {
            throw new RuleViolation(null, TOO_MANY_DATES, Contact.MAX_IMPORTANT_DATES);
        }
        String notes = joined(survivor.personalNotes(), loser.personalNotes(), Contact.MAX_PERSONAL_NOTES);
        String preferences = joined(survivor.preferences(), loser.preferences(), Contact.MAX_PREFERENCES);
        return compose(FieldChoice.merging(survivor, loser, fromLoser), List.copyOf(dates), notes, preferences);
    }

    /**
     * What undoing a merge puts back: each field the merge changed and nobody changed since gets its value from before
     * the merge; a field edited after the merge keeps the edit (dates, notes and preferences likewise, as a whole).
     */
    public static ContactDetails undo(ContactDetails before, ContactDetails afterMerge, ContactDetails now) {
        Function<PersonField, ContactDetails> from = FieldChoice.undoing(before, afterMerge, now, PersonField::of);
        return compose(from,
                (now.importantDates().equals(afterMerge.importantDates()) ? before : now).importantDates(),
                (Objects.equals(now.personalNotes(), afterMerge.personalNotes()) ? before : now).personalNotes(),
                (Objects.equals(now.preferences(), afterMerge.preferences()) ? before : now).preferences());
    }

    private static String joined(String kept, String merged, int max) {
        if (merged == null || merged.isBlank() || merged.strip().equals(kept == null ? null : kept.strip())) {
            return kept;
        }
        if (kept == null || kept.isBlank()) {
            return merged;
        }
        String both = kept.strip() + "\n\n" + merged.strip();
        if (both.length() > max) {
            throw new RuleViolation(null, TEXT_TOO_LONG, max);
        }
        return both;
    }

    private static ContactDetails compose(Function<PersonField, ContactDetails> from, List<ImportantDate> dates,
                                          String notes, String preferences) {
        return new ContactDetails(from.apply(CIVILITY).civility(), from.apply(FIRST_NAME).firstName(),
                from.apply(LAST_NAME).lastName(), from.apply(PREFERRED_NAME).preferredName(),
                from.apply(JOB_TITLE).jobTitle(), from.apply(EMAIL).email(), from.apply(PHONE).phone(),
                from.apply(MOBILE).mobile(), from.apply(CITY).city(), from.apply(PREFERRED_CHANNEL).preferredChannel(),
                from.apply(LANGUAGE).language(), dates, notes, preferences,
                new Consent(from.apply(CONSENT_EMAIL).consent().email(), from.apply(CONSENT_PHONE).consent().phone(),
                        from.apply(CONSENT_SMS).consent().sms(), from.apply(CONSENT_LETTER).consent().letter()));
    }
}
