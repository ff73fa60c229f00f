package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.pipeline.MeetingPlan;
import org.relationcrm.pipeline.MeetingService;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The meeting preparation's .ics invitation: valid iCalendar lines, the attendees with their emails. */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingInvitationTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired OpportunityService opportunities;
    @Autowired MeetingService meetings;

    @Test
    void theMeetingPreparationOffersAnInvitationWithTheAttendeesWhoHaveAnEmail() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User rep = users.create(TestData.unique("rep"), WebTestSupport.PASSWORD, "Julien Morel",
                TestData.unique("julien") + "@us.test", Role.SALES, Department.SALES);
        Company company = support.companyOwnedBy(rep);
        String anneEmail = TestData.unique("anne").toLowerCase() + "@client.test";
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Martin", anneEmail));
        Contact paul = clients.addContact(company.id(), TestData.person("Paul", "Durand", null));
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), rep, "12000");
        Instant at = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.HOURS);
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        long meeting = meetings.prepare(company.id(), deal.id(), new MeetingPlan("Démo; atelier, phase 2 \\ suite",
                at, Set.of(anne.id(), paul.id()), null, null, null, null), rep.asActor()).id();

        String page = mvc.perform(get("/meetings/" + meeting).with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/meetings/" + meeting + "/invitation.ics");

        var response = mvc.perform(get("/meetings/" + meeting + "/invitation.ics").with(support.as(rep)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"meeting-" + meeting + ".ics\""))
                .andReturn().getResponse();
        byte[] bytes = response.getContentAsByteArray();
        String ics = new String(bytes, StandardCharsets.UTF_8);

        assertValidLines(ics);
        List<String> lines = unfolded(ics);
        assertThat(lines.getFirst()).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.getLast()).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "END:VEVENT",
                "DTSTART:" + utc.format(at), "DTEND:" + utc.format(at.plus(Duration.ofHours(1))),
                "ORGANIZER;CN=\"Julien Morel\":mailto:" + rep.email(),
                "ATTENDEE;CN=\"Anne Martin\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + anneEmail);
        assertThat(lines).filteredOn(l -> l.startsWith("ATTENDEE")).hasSize(1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("UID:meeting-" + meeting + "@"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("DTSTAMP:\\d{8}T\\d{6}Z"));
        assertThat(lines).contains("SUMMARY:Démo\\; atelier\\, phase 2 \\\\ suite — " + company.name()
                .replace(",", "\\,").replace(";", "\\;"));
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacterAndTextIsEscaped() {
        String title = "Réunion très très longue ".repeat(8) + "é€😀";
        String ics = MeetingInvitation.write(new MeetingInvitation.Event("u-1@relation.test", 0,
                Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-15T09:30:00Z"),
                MeetingInvitation.LENGTH, title, "1 rue de la Paix\nParis", null, new MeetingInvitation.Person("Moi",
                null), List.of(new MeetingInvitation.Person("Sans adresse", "pas une adresse"))));

        assertValidLines(ics);
        List<String> lines = unfolded(ics);
        assertThat(lines).contains("SUMMARY:" + title, "LOCATION:1 rue de la Paix\\nParis")
                .doesNotContain("METHOD:REQUEST")
                .noneMatch(l -> l.startsWith("ATTENDEE") || l.startsWith("ORGANIZER"));
        assertThat(ics.split("\r\n")).anyMatch(l -> l.startsWith(" "));
        assertThat(MeetingInvitation.text("a,b;c\\d\r\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }

    /** Every line ends with CRLF and holds at most 75 octets of valid UTF-8; no bare CR or LF. */
    static void assertValidLines(String ics) {
        assertThat(ics).endsWith("\r\n");
        String[] lines = ics.split("\r\n");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\r").doesNotContain("\n");
            // no character cut in two: an unpaired surrogate would not survive UTF-8
            assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line);
        });
    }

    /** The content lines, continuation lines joined back (RFC 5545 §3.1). */
    static List<String> unfolded(String ics) {
        return Arrays.asList(ics.replace("\r\n ", "").split("\r\n"));
    }
}
