package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Coaching on real interactions (issue 13), in headless Chromium at 1280×800 and 390×844, axe run at each step: a
 * manager finds in the queue a call where the client was unhappy, reviews it on the grid (an incomplete grid comes
 * back with its messages and the comments typed); the rep reads the review in "my coaching" on a phone and answers
 * it; a support agent, who is neither the rep nor a manager, is refused the review and does not see it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachingJourneyTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final String PASSWORD = "a-long-password";
    private static final int[] LAPTOP = {1280, 800};
    private static final int[] PHONE = {390, 844};

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;

    Playwright playwright;
    Browser browser;
    User sales;
    User manager;
    User outsider;
    String tag;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("co").replace("-", "");
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
        outsider = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        Company company = clients.createCompany(TestData.company("Transports Lemoine " + tag, sales.id()),
                sales.asActor());
        interactions.log(new LogInteraction(company.id(), null, Channel.PHONE, Direction.INBOUND,
                Instant.now().minusSeconds(3600), "Relance tarif " + tag, "Le client conteste la hausse de 8 %.",
                "Remise de 5 % accordée", Sentiment.NEUTRAL, null, null), sales.asActor());
        interactions.log(new LogInteraction(company.id(), null, Channel.PHONE, Direction.INBOUND,
                Instant.now().minusSeconds(60), "Livraison en retard " + tag,
                "Le client est furieux : troisième retard ce mois-ci, il menace de partir.",
                "Geste commercial promis", Sentiment.NEGATIVE, "Rappeler avec une date ferme",
                java.time.LocalDate.now(clock).plusDays(2)), sales.asActor());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aManagerReviewsAnUnhappyCallTheRepReadsAndAnswersItAColleagueCannotOpenIt() {
        // The manager's queue: the unhappy call is there, saying why.
        Page boss = signIn(manager, LAPTOP, problems);
        boss.navigate(base() + "/coaching");
        Locator angry = boss.locator("#coaching-queue .queue-item").filter(
                new Locator.FilterOptions().setHasText("Livraison en retard " + tag));
        assertThat(angry).containsText("Client mécontent");
        assertThat(angry).containsText(sales.fullName());
        HeadlessChromium.screenshot(boss, "coaching-01-queue-1280.png");
        Axe.assertNoSeriousProblems(boss, "the coaching queue");

        // The review form shows the exchange as logged.
        angry.locator("a").first().click();
        assertThat(boss).hasURL(Pattern.compile("/coaching/interactions/\\d+$"));
        assertThat(boss.locator("#reviewed-exchange")).containsText("il menace de partir");
        assertThat(boss.locator("#exchange-mood")).hasText("Négatif");
        assertThat(boss.locator("#reviewed-exchange")).containsText("Rappeler avec une date ferme");

        // An incomplete grid comes back with a message per missing score; what was typed stays.
        boss.locator("#listening3").check();
        boss.locator("#emotionHandlingComment").fill("Tu as coupé le client deux fois.");
        boss.locator("#publish-review").click();
        assertThat(boss.locator(".criterion .text-danger")).hasCount(4);
        assertThat(boss.locator("#criterion-personalisation")).containsText("Choisissez une note de 1 à 4.");
        assertThat(boss.locator("#listening3")).isChecked();
        assertThat(boss.locator("#emotionHandlingComment")).hasValue("Tu as coupé le client deux fois.");
        HeadlessChromium.screenshot(boss, "coaching-02-form-errors-1280.png");
        Axe.assertNoSeriousProblems(boss, "the review form with its messages");

        boss.locator("#personalisation4").check();
        boss.locator("#nextStepClarity2").check();
        boss.locator("#emotionHandling1").check();
        boss.locator("#defendingInterests2").check();
        boss.locator("#overallComment").fill("Reformule sa colère avant de proposer un geste, et demande une contrepartie.");
        boss.locator("#publish-review").click();
        assertThat(boss).hasURL(Pattern.compile("/coaching/reviews/\\d+$"));
        String review = boss.url();
        assertThat(boss.locator(".alert-success[role=status]")).hasText("Revue publiée.");
        assertThat(boss.locator("#review-scores")).containsText("1/4 — À travailler");
        // reviewed: the call leaves the queue
        boss.navigate(base() + "/coaching");
        assertThat(boss.locator("#coaching-queue")).not().containsText("Livraison en retard " + tag);
        assertThat(boss.locator("#team-trend")).isVisible();
        HeadlessChromium.screenshot(boss, "coaching-03-after-review-1280.png");

        // The rep, on a phone: "my coaching", the review, an answer.
        Page rep = signIn(sales, PHONE, problems);
        rep.navigate(base() + "/my-coaching");
        assertThat(rep.locator("#my-reviews")).containsText("Livraison en retard " + tag);
        assertThat(rep.locator("#my-reviews")).containsText("pas encore de réponse");
        assertThat(rep.locator("#my-trend")).containsText("Écoute");
        HeadlessChromium.screenshot(rep, "coaching-04-my-coaching-390.png");
        Axe.assertNoSeriousProblems(rep, "my coaching on a phone");
        assertThat((Boolean) rep.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isTrue();

        rep.locator("#my-reviews a").filter(new Locator.FilterOptions().setHasText("Livraison en retard " + tag)).click();
        assertThat(rep.locator("#overall-comment")).containsText("demande une contrepartie");
        assertThat(rep.locator("#review-scores")).containsText("Tu as coupé le client deux fois.");
        rep.locator("#answer").fill("Merci, je reformulerai avant de proposer quoi que ce soit.");
        rep.locator("#send-answer").click();
        assertThat(rep.locator(".alert-success[role=status]")).hasText("Réponse enregistrée.");
        assertThat(rep.locator("#answer-text")).hasText("Merci, je reformulerai avant de proposer quoi que ce soit.");
        HeadlessChromium.screenshot(rep, "coaching-05-answered-390.png");
        Axe.assertNoSeriousProblems(rep, "a review with the rep's answer on a phone");

        // A support colleague: refused the review, and it is not on their page.
        List<String> refused = new ArrayList<>();
        Page colleague = signIn(outsider, LAPTOP, refused);
        Response answer = colleague.navigate(review);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(colleague.locator("body")).not().containsText("demande une contrepartie");
        colleague.navigate(base() + "/my-coaching");
        assertThat(colleague.locator("#my-reviews")).not().containsText("Livraison en retard " + tag);
        assertThat(colleague.navigate(base() + "/coaching").status()).isEqualTo(403);

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user, int[] size, List<String> watched) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(size[0], size[1]));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), watched);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
