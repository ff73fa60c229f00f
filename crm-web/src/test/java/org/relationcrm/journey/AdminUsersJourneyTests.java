package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The administrator's day in a real headless Chromium, on a laptop and on a phone: a new user whose name is taken
 * is told so with the other mistakes at once; a user gets a new name and an email; a forgotten password is reset
 * and the temporary one shown once. axe finds no serious problem on these pages.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminUsersJourneyTests {

    private static final String PASSWORD = "a-long-password";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    Playwright playwright;
    Browser browser;
    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    User admin;
    User rep;

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void usersAndNoProblem() {
        problems.clear();
        admin = users.create(TestData.unique("admin"), PASSWORD, "Admin Relation", Role.ADMIN, Department.SALES);
        rep = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin", Role.SALES, Department.SALES);
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void aTakenNameIsToldWithTheOtherMistakesThenAUserIsRenamedOnALaptop() {
        Page page = signIn(admin, 1280, 800);
        page.navigate(base() + "/admin/users/new");
        page.getByLabel("Identifiant").fill(rep.username().toUpperCase());
        page.getByLabel("E-mail").fill("not-an-email");
        page.getByLabel("Mot de passe (10 caractères au moins)").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

        assertThat(page.locator(".invalid-feedback").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Cet identifiant est déjà pris."))).isVisible();
        assertThat(page.locator(".invalid-feedback:visible")).hasCount(4); // name taken, no full name, email, password
        Axe.assertNoSeriousProblems(page, "new user with mistakes");
        HeadlessChromium.screenshot(page, "admin-01-new-user-mistakes-1280.png");

        page.navigate(base() + "/admin/users/" + rep.id() + "/edit");
        String newName = TestData.unique("smartin");
        page.getByLabel("Identifiant").fill(newName);
        page.getByLabel("Nom complet").fill("Sophie Martin-Durand");
        page.getByLabel("E-mail").fill(newName + "@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

        assertThat(page).hasURL(Pattern.compile("/admin/users$"));
        assertThat(page.locator("main")).containsText("Sophie Martin-Durand");
        assertThat(page.locator("main")).containsText(newName + "@example.org");
        Axe.assertNoSeriousProblems(page, "users list");
        HeadlessChromium.screenshot(page, "admin-02-users-1280.png");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetAndTheTemporaryOneShownOnceOnAPhone() {
        Page page = signIn(admin, 390, 844);
        page.navigate(base() + "/admin/users/" + rep.id() + "/edit");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réinitialiser le mot de passe")).click();

        String temporary = page.locator("#temporary-password").innerText().strip();
        assertThat(temporary).hasSize(UserService.TEMPORARY_PASSWORD_LENGTH);
        Axe.assertNoSeriousProblems(page, "temporary password");
        HeadlessChromium.screenshot(page, "admin-03-temporary-password-390.png");
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390);

        // the rep signs in with it and must choose a password of their own first
        Page repPage = signInWith(rep.username(), temporary, 390, 844);
        assertThat(repPage).hasURL(Pattern.compile("/profile/password$"));
        HeadlessChromium.screenshot(repPage, "admin-04-choose-own-password-390.png");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user, int width, int height) {
        Page page = signInWith(user.username(), PASSWORD, width, height);
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        return page;
    }

    private Page signInWith(String username, String password, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(width, height));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(username);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
