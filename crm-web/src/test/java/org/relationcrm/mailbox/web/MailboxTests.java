package org.relationcrm.mailbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.PersonRef;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.mailbox.MailboxService;
import org.relationcrm.mailbox.MailboxService.Filed;
import org.relationcrm.mailbox.StoredEmail;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Emails delivered to a real IMAP server (GreenMail), read by the poller as the application reads its dropbox, and
 * found on the client's timeline; the unknown ones in the queue, filed through the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailboxTests {

    static final String DROPBOX = "dropbox@relation.test";
    static final int IMAP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension imap = new GreenMailExtension(
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(DROPBOX, "dropbox", "secret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("relation.mailbox.host", () -> "127.0.0.1");
        registry.add("relation.mailbox.port", () -> IMAP_PORT);
        registry.add("relation.mailbox.ssl", () -> "false");
        registry.add("relation.mailbox.username", () -> "dropbox");
        registry.add("relation.mailbox.password", () -> "secret");
        // the test reads the mailbox itself
        registry.add("relation.mailbox.poll-interval", () -> "PT10H");
    }

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired MailboxService mailbox;
    @Autowired MailboxPoller poller;
    @Autowired Clock clock;

    WebTestSupport support;
    User rep;
    Company company;
    Contact anne;
    String anneEmail;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        rep = users.create(TestData.unique("rep"), WebTestSupport.PASSWORD, TestData.unique("Rep"),
                TestData.unique("rep") + "@us.test", Role.SALES, Department.SALES);
        company = support.companyOwnedBy(rep);
        anneEmail = TestData.unique("anne").toLowerCase() + "@client.test";
        anne = clients.addContact(company.id(), TestData.person("Anne", "Martin", anneEmail));
    }

    @Test
    void anEmailFromAClientsPersonLandsOnTheClientsTimelineInTheOwnersName() throws Exception {
        deliver(message("<inbound-" + anne.id() + "@client.test>", anneEmail, "Demande de devis",
                "Bonjour,\nPouvez-vous nous envoyer un devis ?"));

        assertThat(poller.poll()).containsEntry(Filed.LOGGED, 1);

        TimelineEntry entry = onlyEmailOf(company);
        assertThat(entry.direction()).isEqualTo(Direction.INBOUND);
        assertThat(entry.subject()).isEqualTo("Demande de devis");
        assertThat(entry.summary()).contains("Pouvez-vous nous envoyer un devis ?");
        assertThat(entry.authorName()).isEqualTo(rep.fullName());
        assertThat(entry.people()).extracting(PersonRef::id).containsExactly(anne.id());
        // and on the 360° page
        String page = mvc.perform(get("/clients/" + company.id()).with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Demande de devis");
    }

    @Test
    void anEmailARepSentToAClientsPersonIsOutboundInTheRepsName() throws Exception {
        MimeMessage sent = message("<outbound-" + anne.id() + "@us.test>", rep.email(), "Votre devis", "Ci-joint.");
        sent.setRecipients(Message.RecipientType.TO, InternetAddress.parse("Anne Martin <" + anneEmail + ">"));
        deliver(sent);

        poller.poll();

        TimelineEntry entry = onlyEmailOf(company);
        assertThat(entry.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(entry.authorName()).isEqualTo(rep.fullName());
        assertThat(entry.subject()).isEqualTo("Votre devis");
    }

    @Test
    void theSameMessageIdTwiceIsOneInteraction() throws Exception {
        String id = "<twice-" + anne.id() + "@client.test>";
        deliver(message(id, anneEmail, "Relance", "Premier envoi"));
        poller.poll();
        deliver(message(id, anneEmail, "Relance", "Premier envoi"));
        deliver(message(id, anneEmail, "Relance", "Premier envoi"));

        assertThat(poller.poll()).containsEntry(Filed.DUPLICATE, 2).doesNotContainKey(Filed.LOGGED);
        assertThat(poller.poll()).isEmpty();

        assertThat(onlyEmailOf(company).subject()).isEqualTo("Relance");
    }

    @Test
    void anHtmlBodyIsReadAsTextAndTheAttachmentsNamesAreKept() throws Exception {
        MimeMessage html = message("<html-" + anne.id() + "@client.test>", anneEmail, "Commande", null);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent("<html><head><style>p { color: red }</style></head><body><p>Bonjour <b>Julien</b>,</p>"
                + "<p>Voici notre commande.<br>Cordialement</p><script>alert('x')</script></body></html>",
                "text/html; charset=UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("%PDF-1.4", "application/pdf");
        attachment.setFileName("bon de commande.pdf");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        html.setContent(new MimeMultipart(body, attachment));
        html.saveChanges();
        deliver(html);

        poller.poll();

        String summary = onlyEmailOf(company).summary();
        assertThat(summary).contains("Bonjour Julien,").contains("Voici notre commande.\nCordialement")
                .contains("bon de commande.pdf")
                .doesNotContain("<").doesNotContain("color").doesNotContain("alert");
    }

    @Test
    void anEmailFromAnUnknownSenderWaitsInTheQueueUntilAUserFilesItOnAClient() throws Exception {
        String subject = TestData.unique("Question");
        deliver(message("<unknown-" + anne.id() + "@elsewhere.test>", "someone@elsewhere.test", subject,
                "Qui êtes-vous ?"));
        assertThat(poller.poll()).containsEntry(Filed.UNMATCHED, 1);
        assertThat(emailsOf(company)).isEmpty();

        String queue = mvc.perform(get("/mailbox/unmatched").with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains(subject).contains("someone@elsewhere.test");
        StoredEmail waiting = waiting(subject);
        String search = mvc.perform(get("/mailbox/unmatched/" + waiting.id()).param("q", company.name())
                        .with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains("company=" + company.id());
        String chosen = mvc.perform(get("/mailbox/unmatched/" + waiting.id())
                        .param("company", company.id().toString()).with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chosen).contains("id=\"assign-form\"").contains("Anne Martin");

        mvc.perform(post("/mailbox/unmatched/" + waiting.id() + "/assign").with(csrf()).with(support.as(rep))
                        .param("companyId", company.id().toString()).param("contactId", anne.id().toString())
                        .param("version", String.valueOf(waiting.version())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/mailbox/unmatched"))
                .andExpect(flash().attribute("flash", "flash.mailbox.assigned"));

        TimelineEntry entry = onlyEmailOf(company);
        assertThat(entry.subject()).isEqualTo(subject);
        assertThat(entry.direction()).isEqualTo(Direction.INBOUND);
        assertThat(entry.authorName()).isEqualTo(rep.fullName());
        assertThat(entry.people()).extracting(PersonRef::id).containsExactly(anne.id());
        assertThat(mailbox.unmatched(null).rows()).extracting(StoredEmail::subject).doesNotContain(subject);

        // a second user who saw it in the queue is told it was filed meanwhile; nothing is logged twice
        mvc.perform(post("/mailbox/unmatched/" + waiting.id() + "/assign").with(csrf()).with(support.as(rep))
                        .param("companyId", company.id().toString()).param("version", String.valueOf(waiting.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "flash.mailbox.alreadyHandled"));
        assertThat(emailsOf(company)).hasSize(1);
    }

    @Test
    void aDiscardedEmailLeavesTheQueue() throws Exception {
        String subject = TestData.unique("Newsletter");
        deliver(message("<news-" + anne.id() + "@news.test>", "news@news.test", subject, "Nos offres"));
        poller.poll();
        StoredEmail waiting = waiting(subject);

        mvc.perform(post("/mailbox/unmatched/" + waiting.id() + "/discard").with(csrf()).with(support.as(rep))
                        .param("version", String.valueOf(waiting.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "flash.mailbox.discarded"));

        assertThat(mailbox.unmatched(null).rows()).extracting(StoredEmail::subject).doesNotContain(subject);
        mvc.perform(get("/mailbox/unmatched/" + waiting.id()).with(support.as(rep)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theQueueIsReadAPageAtATime() throws Exception {
        for (int i = 0; i < MailboxService.QUEUE_PAGE + 2; i++) {
            deliver(message("<page-" + anne.id() + "-" + i + "@nowhere.test>", "x" + i + "@nowhere.test",
                    "Page " + i, "Texte"));
        }
        poller.poll();
        var first = mailbox.unmatched(null);
        assertThat(first.rows()).hasSize(MailboxService.QUEUE_PAGE);
        assertThat(first.hasNext()).isTrue();
        var second = mailbox.unmatched(first.next());
        assertThat(second.rows()).isNotEmpty().allSatisfy(e -> assertThat(e.id()).isLessThan(first.next()));
        mvc.perform(get("/mailbox/unmatched").param("after", first.next().toString()).with(support.as(rep)))
                .andExpect(status().isOk());
    }

    private StoredEmail waiting(String subject) {
        return mailbox.unmatched(null).rows().stream().filter(e -> e.subject().equals(subject)).findFirst()
                .orElseThrow();
    }

    private TimelineEntry onlyEmailOf(Company client) {
        List<TimelineEntry> emails = emailsOf(client);
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }

    private List<TimelineEntry> emailsOf(Company client) {
        return interactions.timeline(TimelineScope.company(client.id()), TimelineFilter.none(), null).rows().stream()
                .filter(e -> e.channel() == Channel.EMAIL).toList();
    }

    private MimeMessage message(String messageId, String from, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(DROPBOX));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(clock.instant().minus(Duration.ofMinutes(30))));
        if (text != null) {
            message.setText(text, "UTF-8");
        }
        message.saveChanges();
        return message;
    }

    private static void deliver(MimeMessage message) throws Exception {
        imap.getUserManager().getUserByEmail(DROPBOX).deliver(message);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
