package org.relationcrm.client.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.client.Civility;
import org.relationcrm.client.Consent;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.ImportantDate;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.SaneDate;

/** The person form as the browser sends it; blank important-date rows are ignored. */
record ContactForm(
        Civility civility,
        @Size(max = Contact.MAX_NAME) String firstName,
        @NotBlank @Size(max = Contact.MAX_NAME) String lastName,
        @Size(max = Contact.MAX_NAME) String preferredName,
        @Size(max = Contact.MAX_JOB_TITLE) String jobTitle,
        @Size(max = Contact.MAX_EMAIL) @Pattern(regexp = "\\s*|\\s*" + Contact.EMAIL_FORMAT + "\\s*",
                message = "{Email}") String email,
        @Size(max = Contact.MAX_PHONE) String phone,
        @Size(max = Contact.MAX_PHONE) String mobile,
        @Size(max = Contact.MAX_CITY) String city,
        Channel preferredChannel,
        @Pattern(regexp = "\\s*|\\s*" + Contact.LANGUAGE_FORMAT + "\\s*", message = "{contact.language.invalid}")
        String language,
        @Valid List<DateRow> importantDates,
        @Size(max = Contact.MAX_PERSONAL_NOTES) String personalNotes,
        @Size(max = Contact.MAX_PREFERENCES) String preferences,
        Boolean consentEmail,
        Boolean consentPhone,
        Boolean consentSms,
        Boolean consentLetter,
        Long version,
        /** The user saw the people who look like this one and saves anyway. */
        Boolean anyway) {

    /** Rows offered on the form for important dates. */
    static final int DATE_ROWS = 3;

    record DateRow(@Size(max = ImportantDate.MAX_LABEL) String label, @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {

        boolean isBlank() {
            return (label == null || label.isBlank()) && date == null;
        }
    }

    ContactForm {
        // Rows are sent by index: a gap ("importantDates[5]" without 0 to 4) leaves null rows, which are blank ones.
        importantDates = importantDates == null ? new ArrayList<>() : new ArrayList<>(importantDates.stream()
                .map(row -> row == null ? new DateRow(null, null) : row).toList());
    }

    static ContactForm blank() {
        return new ContactForm(Civility.NONE, null, null, null, null, null, null, null, null, null, "fr",
                padded(List.of()), null, null, false, false, false, false, null, null);
    }

    static ContactForm of(ContactDetails d, long version) {
        List<DateRow> dates = d.importantDates().stream().map(i -> new DateRow(i.label(), i.date())).toList();
        Consent c = d.consent();
        return new ContactForm(d.civility(), d.firstName(), d.lastName(), d.preferredName(), d.jobTitle(), d.email(),
                d.phone(), d.mobile(), d.city(), d.preferredChannel(), d.language(), padded(dates), d.personalNotes(),
                d.preferences(), c.email(), c.phone(), c.sms(), c.letter(), version, null);
    }

    /** Adds blank rows so the user can add a date without JavaScript. */
    static List<DateRow> padded(List<DateRow> rows) {
        List<DateRow> all = new ArrayList<>(rows);
        while (all.size() < Math.max(DATE_ROWS, rows.size() + 1)) {
            all.add(new DateRow(null, null));
        }
        return all;
    }

    boolean confirmedAnyway() {
        return Boolean.TRUE.equals(anyway);
    }

    ContactDetails toDetails() {
        List<ImportantDate> dates = importantDates.stream().filter(r -> !r.isBlank())
                .map(r -> new ImportantDate(r.label(), r.date())).toList();
        return new ContactDetails(civility, firstName, lastName, preferredName, jobTitle, email, phone, mobile, city,
                preferredChannel, language, dates,
                personalNotes, preferences, new Consent(yes(consentEmail), yes(consentPhone), yes(consentSms),
                yes(consentLetter)));
    }

    private static boolean yes(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
