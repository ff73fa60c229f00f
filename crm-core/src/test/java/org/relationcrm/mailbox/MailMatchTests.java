package org.relationcrm.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.relationcrm.interaction.Direction;
import org.relationcrm.mailbox.MailboxDirectory.KnownPerson;
import org.relationcrm.mailbox.MailboxDirectory.KnownUser;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class MailMatchTests {

    static final KnownUser REP = user(1, "rep@us.fr", Role.SALES, true);
    static final KnownUser AGENT = user(2, "agent@us.fr", Role.SUPPORT, true);
    static final KnownUser ADMIN = user(3, "admin@us.fr", Role.ADMIN, true);
    static final KnownUser GONE = user(4, "gone@us.fr", Role.SALES, false);
    static final KnownPerson ANNE = new KnownPerson(10, 100L, "anne@acme.fr", REP.userId());
    static final KnownPerson PAUL = new KnownPerson(11, 100L, "paul@acme.fr", REP.userId());
    static final KnownPerson ZOE = new KnownPerson(20, 200L, "zoe@other.fr", AGENT.userId());
    static final Map<Long, KnownUser> USERS = Map.of(1L, REP, 2L, AGENT, 3L, ADMIN, 4L, GONE);

    static KnownUser user(long id, String email, Role role, boolean enabled) {
        return new KnownUser(id, email, new Actor(id, role, Department.SALES), enabled);
    }

    static IncomingEmail email(String from, List<String> to, List<String> cc) {
        return new IncomingEmail("<m@x>", EmailAddress.of(from), to.stream().map(EmailAddress::of).toList(),
                cc.stream().map(EmailAddress::of).toList(), "Objet", "Texte", Instant.parse("2026-11-02T09:00:00Z"),
                List.of());
    }

    static Optional<MailMatch> match(IncomingEmail email) {
        return MailMatch.of(email, List.of(ANNE, PAUL, ZOE), List.of(REP, AGENT, ADMIN, GONE),
                id -> Optional.ofNullable(USERS.get(id)));
    }

    @Test
    void aPersonWritingToARepIsInboundOnTheirClientLoggedInTheRepsName() {
        MailMatch m = match(email("anne@acme.fr", List.of("agent@us.fr"), List.of("paul@acme.fr"))).orElseThrow();
        assertThat(m.direction()).isEqualTo(Direction.INBOUND);
        assertThat(m.companyId()).isEqualTo(100L);
        assertThat(m.contactIds()).containsExactly(10L, 11L);
        assertThat(m.author()).isEqualTo(AGENT);
    }

    @Test
    void aPersonWritingOnlyToTheDropboxIsLoggedInTheOwnersName() {
        MailMatch m = match(email("zoe@other.fr", List.of("dropbox@us.fr"), List.of())).orElseThrow();
        assertThat(m.direction()).isEqualTo(Direction.INBOUND);
        assertThat(m.companyId()).isEqualTo(200L);
        assertThat(m.author()).isEqualTo(AGENT);
    }

    @Test
    void aRepWritingToPeopleIsOutboundOnTheFirstRecipientsClientWithItsPeopleOnly() {
        MailMatch m = match(email("rep@us.fr", List.of("agent@us.fr", "zoe@other.fr"), List.of("anne@acme.fr")))
                .orElseThrow();
        assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(m.companyId()).isEqualTo(200L);
        assertThat(m.contactIds()).containsExactly(20L);
        assertThat(m.author()).isEqualTo(REP);
    }

    @Test
    void aSenderWhoMayNotLogLeavesTheEmailToTheClientsOwner() {
        assertThat(match(email("admin@us.fr", List.of("anne@acme.fr"), List.of())).orElseThrow().author())
                .isEqualTo(REP);
        assertThat(match(email("gone@us.fr", List.of("zoe@other.fr"), List.of())).orElseThrow().author())
                .isEqualTo(AGENT);
    }

    @Test
    void unknownAddressesAndInternalEmailsWaitInTheQueue() {
        assertThat(match(email("someone@else.fr", List.of("rep@us.fr"), List.of()))).isEmpty();
        assertThat(match(email("rep@us.fr", List.of("agent@us.fr"), List.of()))).isEmpty();
    }

    @Test
    void aClientWhoseOwnerMayNotLogWaitsInTheQueue() {
        KnownPerson orphan = new KnownPerson(30, 300L, "x@orphan.fr", ADMIN.userId());
        assertThat(MailMatch.of(email("x@orphan.fr", List.of("dropbox@us.fr"), List.of()), List.of(orphan),
                List.of(), id -> Optional.ofNullable(USERS.get(id)))).isEmpty();
    }

    @Test
    void theSummaryKeepsTheAttachmentsNamesWithinTheLimit() {
        assertThat(MailboxService.summaryOf("Bonjour", List.of("devis.pdf", "plan.png")))
                .isEqualTo("Bonjour\n\n\uD83D\uDCCE devis.pdf, plan.png");
        String longBody = "a".repeat(20_000);
        String summary = MailboxService.summaryOf(longBody, List.of("devis.pdf"));
        assertThat(summary).hasSizeLessThanOrEqualTo(org.relationcrm.interaction.Interaction.MAX_SUMMARY)
                .endsWith("devis.pdf").contains("…");
        assertThat(MailboxService.subjectOf("  ")).isEqualTo("—");
        assertThat(MailboxService.subjectOf("Re:\n  devis")).isEqualTo("Re: devis");
    }

    @Test
    void nulCharactersWhichPostgresRefusesAreDropped() {
        IncomingEmail email = new IncomingEmail("<a\u0000b@x>", new EmailAddress("an\u0000ne@acme.fr", "An\u0000ne"),
                List.of(), List.of(), "Ob\u0000jet", "Te\u0000xte", Instant.parse("2026-11-02T09:00:00Z"),
                List.of("devis\u0000.pdf", "\u0000"));
        assertThat(email.messageId()).isEqualTo("<ab@x>");
        assertThat(email.from()).isEqualTo(new EmailAddress("anne@acme.fr", "Anne"));
        assertThat(email.subject()).isEqualTo("Objet");
        assertThat(email.body()).isEqualTo("Texte");
        assertThat(email.attachmentNames()).containsExactly("devis.pdf");
    }
}
