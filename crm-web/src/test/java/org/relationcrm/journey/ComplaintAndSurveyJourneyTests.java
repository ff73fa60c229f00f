package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.FeedbackSettings;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The feedback story of issue 5 in a real headless Chromium: support logs a complaint from the 360° page, escalates
 * it (a reason is required), resolves and closes it; the CSAT survey goes out by email (read from an in-process
 * GreenMail SMTP server); the client answers the single-use link with a 2 and cannot answer twice; a follow-up
 * appears for the client's owner; the whole story is on the client's timeline.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintAndSurveyJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("relation.mail.from", () -> "relation@test.example");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyService surveys;

    Playwright playwright;
    Browser browser;
    User sales;
    User support;
    Company company;
    Contact contact;
    String companyName;
    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        support = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        companyName = "Transports " + tag;
        company = clients.createCompany(TestData.company(companyName, sales.id()), sales.asActor());
        contact = clients.addContact(company.id(), TestData.person("Anne", "Lemoine", "anne." + tag + "@client.example"));
    }

    @AfterAll
    void stop() {
        contexts.forEach(BrowserContext::close);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        SMTP.stop();
    }

    @Test
    void supportHandlesAComplaintTheClientAnswersTheCsatWithATwoAndTheOwnerGetsAFollowUp() throws Exception {
        // Support logs the complaint from the client's 360° page, in the client's words.
        Page page = signIn(support);
        page.navigate(base() + "/clients/" + company.id());
        page.locator("#new-complaint").click();
        page.locator("#contactId").selectOption(String.valueOf(contact.id()));
        page.locator("#channel").selectOption("PHONE");
        page.locator("#category").selectOption("DELIVERY");
        page.locator("#severity").selectOption("HIGH");
        page.locator("#subject").fill("Palettes abîmées");
        page.locator("#description").fill("Trois palettes livrées abîmées, et personne ne nous a prévenus.");
        screenshot(page, "fb-01-complaint-form.png");
        page.locator("#complaint-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/complaints/\\d+$"));
        long complaintId = Long.parseLong(page.url().replaceAll(".*/complaints/", ""));
        assertThat(page.locator("#complaint-status")).hasText("Ouverte");
        assertThat(page.locator("#complaint-description")).containsText("palettes livrées abîmées");

        // Escalating without a reason is refused next to the field; with a reason it is done and shown.
        page.locator("#start").click();
        assertThat(page.locator("#complaint-status")).hasText("En cours");
        page.locator("#level").selectOption("1");
        page.locator("#escalate-form button[type=submit]").click();
        assertThat(page.locator("#reason")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.locator("#escalation-reason")).hasCount(0);
        page.locator("#reason").fill("Deuxième incident ce mois-ci : il faut revoir le transporteur avec le chef d'équipe.");
        page.locator("#escalate-form button[type=submit]").click();
        assertThat(page.locator("#escalation-reason")).containsText("revoir le transporteur");
        screenshot(page, "fb-02-complaint-escalated.png");

        // The queue shows the escalation and its reason.
        page.navigate(base() + "/complaints?queue=ESCALATED");
        assertThat(page.locator("#complaint-queue")).containsText(companyName);
        assertThat(page.locator("#complaint-queue")).containsText("revoir le transporteur");
        screenshot(page, "fb-03-queue.png");

        // Resolution: what was done and the root cause; then closing sends the CSAT by email.
        page.navigate(base() + "/complaints/" + complaintId);
        page.locator("#resolution").fill("Palettes remplacées sous 24 h, transporteur changé pour ce client.");
        page.locator("#rootCause").selectOption("THIRD_PARTY");
        page.locator("#resolve-form button[type=submit]").click();
        assertThat(page.locator("#complaint-status")).hasText("Résolue");
        assertThat(page.locator("#resolution-time")).isVisible();
        page.locator("#close").click();
        assertThat(page.locator("#complaint-status")).hasText("Clôturée");
        assertThat(page.locator(".alert-success[role=status]")).containsText("CSAT");

        // The email, read from the test SMTP server.
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = List.of(SMTP.getReceivedMessages()).stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(contact.details().email());
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        // from the agent who closed the complaint, not from the client's own company
        assertThat(mail.getSubject()).contains(support.fullName()).doesNotContain(companyName);
        Matcher link = Pattern.compile("/s/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as("a survey link in: " + body).isTrue();
        String surveyUrl = base() + "/s/" + link.group(1);

        // The client opens the link, with no login, on a phone, and answers 2.
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")
                .setViewportSize(390, 844).setIsMobile(true));
        contexts.add(phone);
        Page client = phone.newPage();
        watch(client);
        client.navigate(surveyUrl);
        assertThat(client.locator("#survey-form")).isVisible();
        assertThat(client.locator("legend")).containsText("satisfait");
        assertThat(client.locator("#survey-asker")).hasText(support.fullName() + " vous demande votre avis.");
        assertThat(client.locator("main")).not().containsText(companyName);
        screenshot(client, "fb-04-survey-page.png");
        client.locator("label[for=score-2]").click();
        client.locator("#comment").fill("Réglé, mais il a fallu relancer deux fois.");
        client.locator("#survey-form button[type=submit]").click();
        assertThat(client.locator("#survey-state")).hasAttribute("data-state", "THANKS");

        // Answered once: the same link now refuses, with a clear page.
        Response again = client.navigate(surveyUrl);
        assertThat(again.status()).isEqualTo(410);
        assertThat(client.locator("#survey-state")).hasAttribute("data-state", "ALREADY_ANSWERED");
        assertThat(client.locator("#survey-state")).containsText("déjà répondu");
        screenshot(client, "fb-05-survey-already-answered.png");

        // An NPS scale (0 to 10) stays on one line on the phone: its end labels sit under its ends.
        String npsToken = surveys.send(SurveyKind.NPS, contact.id(), false, sales.asActor()).survey().token();
        client.navigate(base() + "/s/" + npsToken);
        var zero = client.locator("label[for=score-0]").boundingBox();
        var ten = client.locator("label[for=score-10]").boundingBox();
        assertThat(ten.y).isEqualTo(zero.y);
        assertThat(ten.x + ten.width).isLessThanOrEqualTo(390);
        screenshot(client, "fb-05b-nps-scale-phone.png");

        // The owner (sales) sees the follow-up due in 2 working days, and the whole story, on the timeline.
        Page owner = signIn(sales);
        owner.navigate(base() + "/clients/" + company.id());
        Locator timeline = owner.locator("#timeline");
        Locator answer = owner.locator("#timeline .timeline-entry").filter(new Locator.FilterOptions().setHasText("CSAT : 2/5"));
        assertThat(answer).hasCount(1);
        assertThat(answer.locator(".next-step")).containsText("Rappeler Anne Lemoine");
        for (String event : List.of("Réclamation ouverte", "Réclamation escaladée", "Réclamation résolue",
                "Réclamation clôturée", "Enquête envoyée", "Réponse à une enquête")) {
            assertThat(timeline).containsText(event);
        }
        assertThat(owner.locator("#feedback-surveys")).containsText("2 / 5");
        screenshot(owner, "fb-06-360-after-story.png");
        Map<String, Object> followUp = jdbc.sql("""
                        select next_step_assignee_id, next_step_due from interaction
                        where company_id = :c and event_type = 'SURVEY_ANSWERED'
                        """).param("c", company.id()).query().singleRow();
        assertThat(((Number) followUp.get("next_step_assignee_id")).longValue()).isEqualTo(sales.id());
        assertThat(followUp.get("next_step_due").toString())
                .isEqualTo(FeedbackSettings.addWorkingDays(LocalDate.now(PARIS), 2).toString());

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        watch(page);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    /** Errors other than the expected 410 of an answered survey, and console errors (CSP violations among them). */
    private void watch(Page page) {
        String origin = base();
        page.onResponse(response -> {
            if (response.url().startsWith(origin) && response.status() >= 400
                    && !(response.status() == 410 && response.url().contains("/s/"))) {
                problems.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains("410")) {
                problems.add("console " + message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
    }

    private static GreenMail startSmtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int free = socket.getLocalPort();
            socket.close();
            GreenMail greenMail = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            return greenMail;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private static void screenshot(Page page, String name) {
        HeadlessChromium.screenshot(page, name);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
