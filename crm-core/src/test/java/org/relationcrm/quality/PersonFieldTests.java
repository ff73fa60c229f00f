package org.relationcrm.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.relationcrm.client.Civility;
import org.relationcrm.client.Consent;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.ImportantDate;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.RuleViolation;

class PersonFieldTests {

    static final ImportantDate BIRTHDAY = new ImportantDate("Anniversaire", LocalDate.of(1980, 5, 12));
    static final ImportantDate SIGNED = new ImportantDate("Client depuis", LocalDate.of(2019, 3, 1));

    static ContactDetails person(String email, String mobile, Consent consent, List<ImportantDate> dates, String notes) {
        return new ContactDetails(Civility.MRS, "Anne", "Martin", null, null, email, null, mobile, null, Channel.EMAIL,
                "fr", dates, notes, null, consent);
    }

    @Test
    void aRefusalIsNeverTurnedIntoAConsentByDefaultButAConsentGivesWayToARefusal() {
        ContactDetails kept = person("a@x.fr", null, new Consent(true, false, false, false), List.of(), null);
        ContactDetails other = person(null, "06 12 34 56 78", new Consent(false, true, false, false), List.of(), null);

        // the mobile the kept record lacks; the email refusal; not the phone consent over the kept record's refusal
        assertThat(PersonField.defaultFromLoser(kept, other))
                .containsExactly(PersonField.MOBILE, PersonField.CONSENT_EMAIL);
        assertThat(PersonField.CONSENT_PHONE.turnsRefusalIntoConsent(kept, other)).isTrue();
        assertThat(PersonField.CONSENT_EMAIL.turnsRefusalIntoConsent(kept, other)).isFalse();
        assertThat(PersonField.EMAIL.turnsRefusalIntoConsent(kept, other)).isFalse();
    }

    @Test
    void bothRecordsDatesNotesAndPreferencesAreKeptOnce() {
        ContactDetails kept = person("a@x.fr", null, null, List.of(BIRTHDAY), "Décide des achats");
        ContactDetails other = person(null, "06", null, List.of(BIRTHDAY, SIGNED), "Préfère le matin");

        ContactDetails merged = PersonField.pick(kept, other, Set.of(PersonField.MOBILE));

        assertThat(merged.email()).isEqualTo("a@x.fr");
        assertThat(merged.mobile()).isEqualTo("06");
        assertThat(merged.importantDates()).containsExactly(BIRTHDAY, SIGNED);
        assertThat(merged.personalNotes()).isEqualTo("Décide des achats\n\nPréfère le matin");
        assertThat(PersonField.pick(kept, kept, Set.of()).personalNotes()).isEqualTo("Décide des achats");
    }

    @Test
    void aMergeThatWouldHoldTooManyDatesOrTooLongNotesIsRefusedNotCut() {
        List<ImportantDate> many = new ArrayList<>();
        for (int i = 0; i < Contact.MAX_IMPORTANT_DATES; i++) {
            many.add(new ImportantDate("Date " + i, LocalDate.of(2000, 1, 1 + i)));
        }
        assertThatThrownBy(() -> PersonField.pick(person(null, null, null, many, null),
                person(null, null, null, List.of(BIRTHDAY), null), Set.of()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.broken().getFirst().code())
                        .isEqualTo(PersonField.TOO_MANY_DATES));
        String half = "x".repeat(Contact.MAX_PERSONAL_NOTES / 2 + 1);
        assertThatThrownBy(() -> PersonField.pick(person(null, null, null, null, half),
                person(null, null, null, null, half + "y"), Set.of()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.broken().getFirst().code())
                        .isEqualTo(PersonField.TEXT_TOO_LONG));
    }

    @Test
    void undoingPutsBackWhatTheMergeChangedAndKeepsWhatWasEditedSince() {
        ContactDetails before = person("a@x.fr", null, new Consent(true, false, false, false), List.of(), "Notes");
        ContactDetails loser = person("b@x.fr", "06", new Consent(false, true, false, false), List.of(BIRTHDAY), null);
        ContactDetails afterMerge = PersonField.pick(before, loser,
                Set.of(PersonField.EMAIL, PersonField.MOBILE, PersonField.CONSENT_PHONE));
        // since the merge, someone typed another mobile
        ContactDetails now = new ContactDetails(afterMerge.civility(), afterMerge.firstName(), afterMerge.lastName(),
                null, null, afterMerge.email(), null, "07", null, afterMerge.preferredChannel(), afterMerge.language(),
                afterMerge.importantDates(), afterMerge.personalNotes(), null, afterMerge.consent());

        ContactDetails undone = PersonField.undo(before, afterMerge, now);

        assertThat(undone.email()).isEqualTo("a@x.fr");
        assertThat(undone.mobile()).isEqualTo("07");
        assertThat(undone.consent()).isEqualTo(new Consent(true, false, false, false));
        assertThat(undone.importantDates()).isEmpty();
    }
}
