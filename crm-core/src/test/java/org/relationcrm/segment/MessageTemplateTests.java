package org.relationcrm.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.relationcrm.client.Contact;

class MessageTemplateTests {

    private static SegmentPerson person(String firstName, String lastName, String preferredName) {
        return new SegmentPerson(1, 2L, "Acme", null, firstName, lastName, preferredName, null, null, null, null,
                null, null, false, true, false, false, 3, "Léa Martin", null);
    }

    @Test
    void placeholdersAreFilledWithThePersonsNamesAndAnUnknownOneStaysAsTyped() {
        MessageTemplate template = new MessageTemplate("Bonjour {preferredName} {lastName} de {company}, {owner} {oops}");

        assertThat(template.forPerson(person("Anne", "Martin", "Annie")))
                .isEqualTo("Bonjour Annie Martin de Acme, Léa Martin {oops}");
    }

    @Test
    void anAnonymisedPersonGetsNoMessageSoTheTokenTheyKeepIsNeverWrittenInOne() {
        MessageTemplate template = new MessageTemplate("Bonjour {preferredName}");

        assertThat(template.forPerson(person(null, Contact.ANONYMISED_NAME, null))).isEmpty();
        assertThat(template.forPerson(person(null, "Martin", null))).isEqualTo("Bonjour Martin");
    }
}
