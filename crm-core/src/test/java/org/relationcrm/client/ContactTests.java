package org.relationcrm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.RuleViolation;

class ContactTests {

    private static final Instant CREATED = Instant.parse("2025-01-15T09:00:00Z");

    private static ContactDetails person(String firstName, String lastName, String preferredName) {
        return new ContactDetails(Civility.MRS, firstName, lastName, preferredName, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static ContactDetails withEmail(String email) {
        return new ContactDetails(null, "Marie", "Curie", null, null, email, null, null, null, null, null, null,
                null, null, null);
    }

    private static ContactDetails withLanguage(String language) {
        return new ContactDetails(null, "Marie", "Curie", null, null, null, null, null, null, null, language, null,
                null, null, null);
    }

    private static ContactDetails withDates(List<ImportantDate> dates) {
        return new ContactDetails(null, "Marie", "Curie", null, null, null, null, null, null, null, null, dates,
                null, null, null);
    }

    private static List<ImportantDate> dates(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new ImportantDate("date " + i, LocalDate.of(2000, 1, i)))
                .toList();
    }

    private static Contact privateCustomer(ContactDetails details) {
        return Contact.privateCustomer(details, CREATED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void lastNameIsRequired(String lastName) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> privateCustomer(person("Marie", lastName, null)))
                .withMessageContaining("lastName");
    }

    @Test
    void firstNameIsOptional() {
        Contact contact = privateCustomer(person(null, "Curie", null));

        assertThat(contact.details().firstName()).isNull();
        assertThat(contact.fullName()).isEqualTo("Curie");
    }

    @Test
    void namesAreTrimmedAndBlankOptionalFieldsBecomeNull() {
        ContactDetails details = new ContactDetails(null, "  Marie ", " Curie ", "   ", " ", " ", "", "\t", " ",
                null, " ", null, "  ", " ", null);

        ContactDetails stored = privateCustomer(details).details();

        assertThat(stored.firstName()).isEqualTo("Marie");
        assertThat(stored.lastName()).isEqualTo("Curie");
        assertThat(stored.preferredName()).isNull();
        assertThat(stored.jobTitle()).isNull();
        assertThat(stored.email()).isNull();
        assertThat(stored.phone()).isNull();
        assertThat(stored.mobile()).isNull();
        assertThat(stored.city()).isNull();
        assertThat(stored.language()).isNull();
        assertThat(stored.personalNotes()).isNull();
        assertThat(stored.preferences()).isNull();
    }

    @Test
    void missingCivilityMeansNone() {
        assertThat(privateCustomer(withEmail(null)).details().civility()).isEqualTo(Civility.NONE);
    }

    @Test
    void missingConsentMeansNoConsentAtAll() {
        assertThat(privateCustomer(withEmail(null)).consent()).isEqualTo(Consent.none());
    }

    @Test
    void fullNameJoinsFirstAndLastName() {
        assertThat(privateCustomer(person("Marie", "Curie", "Mimi")).fullName()).isEqualTo("Marie Curie");
    }

    @Test
    void emailIsLowerCasedAndTrimmed() {
        assertThat(privateCustomer(withEmail("  Marie.Curie@Example.FR ")).details().email())
                .isEqualTo("marie.curie@example.fr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"marie.curie", "marie@", "@example.fr", "marie@example", "marie curie@example.fr",
            "marie@@example.fr", "marie@exa mple.fr", "marie@example."})
    void invalidEmailIsRefused(String email) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> privateCustomer(withEmail(email)))
                .withMessageContaining("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en", "de"})
    void twoLowercaseLettersAreALanguage(String language) {
        assertThat(privateCustomer(withLanguage(language)).details().language()).isEqualTo(language);
    }

    @Test
    void languageIsTrimmed() {
        assertThat(privateCustomer(withLanguage(" fr ")).details().language()).isEqualTo("fr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "Fr", "f", "fra", "f1", "12", "é", "fr-FR"})
    void languageMustBeTwoLowercaseLetters(String language) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> privateCustomer(withLanguage(language)))
                .withMessageContaining("language");
    }

    @Test
    void tenImportantDatesAreAccepted() {
        assertThat(privateCustomer(withDates(dates(10))).importantDates()).hasSize(10);
    }

    @Test
    void moreThanTenImportantDatesAreRefused() {
        assertThat(catchThrowableOfType(RuleViolation.class, () -> privateCustomer(withDates(dates(11)))).broken())
                .containsExactly(new RuleViolation.Broken("importantDates", "contact.importantDate.tooMany",
                        List.of(Contact.MAX_IMPORTANT_DATES)));
    }

    @Test
    void importantDatesKeepTheirOrderAndAreReplacedOnRevision() {
        Contact contact = privateCustomer(withDates(dates(3)));
        assertThat(contact.importantDates()).containsExactlyElementsOf(dates(3));

        List<ImportantDate> replacement = List.of(new ImportantDate("Birthday", LocalDate.of(1867, 11, 7)));
        contact.revise(withDates(replacement));

        assertThat(contact.importantDates()).containsExactlyElementsOf(replacement);
        assertThat(contact.details().importantDates()).containsExactlyElementsOf(replacement);
    }

    @Test
    void importantDatesCannotBeChangedFromOutside() {
        List<ImportantDate> mutable = new ArrayList<>(dates(2));
        Contact contact = privateCustomer(withDates(mutable));

        mutable.add(new ImportantDate("later", LocalDate.of(2001, 1, 1)));

        assertThat(contact.importantDates()).hasSize(2);
    }

    @Test
    void greetingNamePrefersThePreferredName() {
        assertThat(privateCustomer(person("Marie", "Curie", "Mimi")).greetingName()).isEqualTo("Mimi");
    }

    @Test
    void greetingNameFallsBackOnTheFirstName() {
        assertThat(privateCustomer(person("Marie", "Curie", null)).greetingName()).isEqualTo("Marie");
    }

    @Test
    void greetingNameFallsBackOnTheLastNameWhenThereIsNoFirstName() {
        assertThat(privateCustomer(person(null, "Curie", " ")).greetingName()).isEqualTo("Curie");
    }

    @Test
    void privateCustomerHasNoCompanyAndIsNobodysPrimaryContact() {
        Contact contact = privateCustomer(person("Marie", "Curie", null));

        assertThat(contact.companyId()).isNull();
        assertThat(contact.isPrimaryContact()).isFalse();
    }

    @Test
    void personAtACompanyBelongsToIt() {
        Contact contact = Contact.atCompany(42L, false, person("Marie", "Curie", null), CREATED);

        assertThat(contact.companyId()).isEqualTo(42L);
        assertThat(contact.isPrimaryContact()).isFalse();
    }

    @Test
    void personAtACompanyCanBeItsPrimaryContact() {
        assertThat(Contact.atCompany(42L, true, person("Marie", "Curie", null), CREATED).isPrimaryContact()).isTrue();
    }

    @Test
    void primaryFlagCanBeGivenAndTakenBack() {
        Contact contact = Contact.atCompany(42L, false, person("Marie", "Curie", null), CREATED);

        contact.makePrimary();
        assertThat(contact.isPrimaryContact()).isTrue();

        contact.stopBeingPrimary();
        assertThat(contact.isPrimaryContact()).isFalse();
    }

    @Test
    void reviseReplacesTheDetailsButKeepsTheCompany() {
        Contact contact = Contact.atCompany(42L, true, person("Marie", "Curie", null), CREATED);
        ContactDetails revised = new ContactDetails(Civility.MR, "Pierre", "Curie", "Pierrot", "Physicist",
                "pierre@example.fr", "0102030405", "0607080910", "Paris", Channel.LETTER, "fr",
                dates(1), "notes", "tea", new Consent(true, false, false, true));

        contact.revise(revised);

        assertThat(contact.details()).isEqualTo(revised);
        assertThat(contact.companyId()).isEqualTo(42L);
        assertThat(contact.isPrimaryContact()).isTrue();
    }

    @Test
    void consentAllowsOnlyTheChannelsAgreedTo() {
        Consent emailOnly = new Consent(true, false, false, false);

        assertThat(emailOnly.allows(Channel.EMAIL)).isTrue();
        assertThat(emailOnly.allows(Channel.PHONE)).isFalse();
        assertThat(emailOnly.allows(Channel.SMS)).isFalse();
        assertThat(emailOnly.allows(Channel.LETTER)).isFalse();
    }

    @Test
    void consentIsCheckedChannelByChannel() {
        assertThat(new Consent(false, true, false, false).allows(Channel.PHONE)).isTrue();
        assertThat(new Consent(false, false, true, false).allows(Channel.SMS)).isTrue();
        assertThat(new Consent(false, false, false, true).allows(Channel.LETTER)).isTrue();
        assertThat(new Consent(true, true, true, true).allows(Channel.EMAIL)).isTrue();
    }

    @Test
    void noConsentAllowsNoneOfTheConsentChannels() {
        Consent none = Consent.none();

        assertThat(List.of(Channel.EMAIL, Channel.PHONE, Channel.SMS, Channel.LETTER))
                .noneMatch(none::allows);
    }

    @Test
    void anonymisingErasesWhoTheyAreOnceAndTheRecordIsNoLongerEdited() {
        Contact marie = privateCustomer(new ContactDetails(Civility.MRS, "Marie", "Curie", "Manya", "Chimiste",
                "marie@curie.fr", "01 02 03 04 05", "06 01 02 03 04", "Paris", Channel.EMAIL, "fr", dates(2),
                "Deux prix Nobel", "Le matin", new Consent(true, true, true, true)));
        Instant at = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(marie.anonymise(at)).isTrue();

        ContactDetails d = marie.details();
        assertThat(d.firstName()).isNull();
        assertThat(d.lastName()).isEqualTo(Contact.ANONYMISED_NAME);
        assertThat(d.preferredName()).isNull();
        assertThat(d.email()).isNull();
        assertThat(d.phone()).isNull();
        assertThat(d.mobile()).isNull();
        assertThat(d.personalNotes()).isNull();
        assertThat(d.preferences()).isNull();
        assertThat(d.importantDates()).isEmpty();
        assertThat(d.consent()).isEqualTo(Consent.none());
        assertThat(marie.anonymisedAt()).isEqualTo(at);
        assertThat(marie.anonymise(at.plusSeconds(60))).as("done once").isFalse();
        assertThat(marie.anonymisedAt()).isEqualTo(at);
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> marie.revise(person("Marie", "Curie", null)));
        assertThat(refused.broken()).extracting(RuleViolation.Broken::code).containsExactly("contact.anonymised.noEdit");
    }

    @Test
    void nobodyIsGivenTheAnonymisedPlaceholderAsAName() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> privateCustomer(person("Marie", Contact.ANONYMISED_NAME, null)));
        assertThat(refused.broken()).extracting(RuleViolation.Broken::code).containsExactly("contact.lastName.reserved");
    }
}
