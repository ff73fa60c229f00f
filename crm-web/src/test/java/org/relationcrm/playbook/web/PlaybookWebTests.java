package org.relationcrm.playbook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.Playbook;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.PlaybookTestData;
import org.relationcrm.testing.TestData;

/**
 * Guides over HTTP: written and edited by a manager (a new version each time, a conflict said), read by everyone in
 * their language, voted on, and shown in context on the pages where the situation happens (what each card costs:
 * {@link PlaybookQueryCountTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlaybookWebTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired PlaybookService playbooks;
    @Autowired PlaybookReadService reads;
    @Autowired OpportunityService opportunities;

    WebTestSupport support;
    User manager;
    User sales;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        manager = support.newUser(Role.MANAGER);
        sales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(sales);
    }

    Playbook guide(Situation situation, String frTitle, String enTitle) {
        Map<Language, org.relationcrm.playbook.TypedText> texts = enTitle == null
                ? Map.of(Language.FR, PlaybookTestData.french(frTitle))
                : Map.of(Language.FR, PlaybookTestData.french(frTitle), Language.EN, PlaybookTestData.english(enTitle));
        return PlaybookTestData.ensure(playbooks, reads, situation, texts, manager.asActor());
    }

    @Test
    void aManagerEditsAGuideEachSaveIsANewVersionAndAStaleSaveKeepsTheInput() throws Exception {
        Playbook playbook = guide(Situation.FOLLOW_UP_AFTER_SILENCE, TestData.unique("Relance"), null);
        Guide seen = reads.get(playbook.id(), manager.id());
        String title = TestData.unique("Relancer sans insister");

        String form = page(get("/playbooks/" + playbook.id() + "/edit"), manager);
        assertThat(form).contains("id=\"frTitle\"", "id=\"enSteps\"").doesNotContain("frCriteria");
        mvc.perform(edit(playbook.id(), seen.version(), title).with(support.as(manager)))
                .andExpect(status().is3xxRedirection());

        assertThat(reads.get(playbook.id(), manager.id()).revision()).isEqualTo(seen.revision() + 1);
        String history = page(get("/playbooks/" + playbook.id() + "/history"), sales);
        assertThat(history).contains(title, "version-" + (seen.revision() + 1), "version-" + seen.revision());

        String stale = mvc.perform(edit(playbook.id(), seen.version(), "Mon texte à moi").with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("rien n&#39;a été écrasé", "Mon texte &agrave; moi", "id=\"stored-version\"", title);
    }

    @Test
    void theFormSaysWhatIsMissingNextToEachFieldAndKeepsWhatWasTyped() throws Exception {
        Playbook playbook = guide(Situation.ESCALATION, TestData.unique("Escalader"), null);
        Guide seen = reads.get(playbook.id(), manager.id());

        String page = mvc.perform(post("/playbooks/" + playbook.id()).with(csrf()).with(support.as(manager))
                        .param("version", String.valueOf(seen.version())).param("situation", "ESCALATION")
                        .param("frTitle", "Escalader").param("frWhenToUse", "Quand ça bloque")
                        .param("frSteps", "Prévenir\n" + "x".repeat(301))
                        .param("enTitle", "Escalate"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Chaque ligne fait au plus 300 caractères", "Pr&eacute;venir", "Escalate",
                "id=\"frCriteria\"");
        assertThat(page.split("invalid-feedback").length - 1).isGreaterThanOrEqualTo(4); // frSteps, frCriteria, enWhenToUse, enSteps
        assertThat(reads.get(playbook.id(), manager.id()).revision()).isEqualTo(seen.revision());
    }

    @Test
    void aReaderGetsTheGuideInTheirLanguageElseTheOtherWithANote() throws Exception {
        String fr = TestData.unique("Après la signature");
        Playbook playbook = guide(Situation.POST_SIGNATURE_CALL, fr, null);

        String english = mvc.perform(get("/playbooks/" + playbook.id()).param("lang", "en").with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains(fr, "not written in English yet", "lang=\"fr\"")
                .doesNotContain("id=\"edit-playbook\"");
        assertThat(page(get("/playbooks"), sales)).contains(fr).doesNotContain("usage-shown");
        assertThat(page(get("/playbooks"), manager)).contains(fr, "usage-shown", "usage-opened");
    }

    @Test
    void aVoteFromACardReturnsTheVoteAreaAndWithoutJavaScriptGoesBack() throws Exception {
        Playbook playbook = guide(Situation.PRICE_OBJECTION, TestData.unique("Prix"), TestData.unique("Price"));
        int revision = reads.get(playbook.id(), sales.id()).revision();

        String area = mvc.perform(post("/playbooks/" + playbook.id() + "/votes").with(csrf()).with(support.as(sales))
                        .header("HX-Request", "true").param("revision", String.valueOf(revision))
                        .param("useful", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(area).contains("playbook-votes", "vous l&#39;avez trouvé utile", "aria-pressed=\"true\"");

        mvc.perform(post("/playbooks/" + playbook.id() + "/votes").with(csrf()).with(support.as(sales))
                        .param("revision", String.valueOf(revision)).param("useful", "false")
                        .param("back", "//evil.example"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/playbooks/" + playbook.id()));
        assertThat(reads.get(playbook.id(), sales.id()).myVote()).isFalse();
    }

    @Test
    void aNegativeMoodShowsTheAngryClientGuideWhenTheFormComesBack() throws Exception {
        String title = TestData.unique("Client mécontent");
        guide(Situation.ANGRY_CLIENT, title, null);

        String neutral = mvc.perform(logWithoutSubject("NEUTRAL").with(support.as(sales))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String negative = mvc.perform(logWithoutSubject("NEGATIVE").with(support.as(sales))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(neutral).doesNotContain(title);
        assertThat(negative).contains(title, "playbook-angry_client", "Écouter sans interrompre", "Calmez-vous");
    }

    @Test
    void aConcessionWithoutCounterpartShowsTheNegotiationGuideOnTheDeal() throws Exception {
        String title = TestData.unique("Objection prix");
        guide(Situation.PRICE_OBJECTION, title, null);
        Opportunity deal = opportunities.open(company.id(), Stage.NEGOTIATION,
                new OpportunityDetails("Machines", new BigDecimal("30000"), "EUR", null, LocalDate.now(clock).plusMonths(1),
                        sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Relancer", LocalDate.now(clock).plusDays(3)), sales.asActor());

        assertThat(page(get("/opportunities/" + deal.id()), sales)).doesNotContain(title);
        opportunities.grantConcession(deal.id(), opportunities.load(deal.id()).version(), ConcessionType.DELIVERY,
                ValueKind.AMOUNT, new BigDecimal("200"), Counterpart.NONE, null, sales.asActor());

        assertThat(page(get("/opportunities/" + deal.id()), sales)).contains(title, "playbook-price_objection");
    }

    @Test
    void theMeetingPreparationShowsThePreparationGuide() throws Exception {
        String title = TestData.unique("Préparer");
        guide(Situation.MEETING_PREPARATION, title, null);

        assertThat(page(get("/clients/" + company.id() + "/meetings/new"), sales))
                .contains(title, "playbook-meeting_preparation");
    }

    private MockHttpServletRequestBuilder edit(long id, long version, String title) {
        return post("/playbooks/" + id).with(csrf()).param("version", String.valueOf(version))
                .param("situation", "FOLLOW_UP_AFTER_SILENCE").param("frTitle", title)
                .param("frWhenToUse", "Pas de nouvelles depuis un mois").param("frSteps", "Relire la fiche\nAppeler")
                .param("frPhrasesToUse", "").param("frPhrasesToAvoid", "")
                .param("enTitle", "").param("enWhenToUse", "").param("enSteps", "");
    }

    private MockHttpServletRequestBuilder logWithoutSubject(String sentiment) {
        return post("/clients/" + company.id() + "/interactions").with(csrf()).param("channel", "PHONE")
                .param("direction", "INBOUND").param("occurredAt", LocalDate.now(clock) + "T09:00")
                .param("subject", "").param("sentiment", sentiment);
    }

    private String page(MockHttpServletRequestBuilder request, User user) throws Exception {
        return mvc.perform(request.with(support.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
