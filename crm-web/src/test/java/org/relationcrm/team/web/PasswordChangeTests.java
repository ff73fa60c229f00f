package org.relationcrm.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.config.HttpVisitor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Everyone changes their own password; the sessions opened with the old one end. Real HTTP, sessions in PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordChangeTests {

    private static final String NEW_PASSWORD = "a-brand-new-secret";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    User rep;

    @BeforeEach
    void setUp() {
        rep = new WebTestSupport(users, userDetails, clients).newUser(Role.SUPPORT);
    }

    @Test
    void aNewPasswordEndsEverySessionAndOnlyTheNewOneSignsIn() {
        HttpVisitor laptop = signedIn(WebTestSupport.PASSWORD);
        HttpVisitor phone = signedIn(WebTestSupport.PASSWORD);
        assertThat(laptop.get("/profile/password").body()).contains("Changer mon mot de passe");

        var saved = laptop.post("/profile/password", Map.of("currentPassword", WebTestSupport.PASSWORD,
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(saved.headers().firstValue("Location")).hasValue("/login?passwordChanged");

        assertThat(phone.get("/clients").headers().firstValue("Location")).hasValue("/login");
        assertThat(laptop.get("/clients").headers().firstValue("Location")).hasValue("/login");
        assertThat(visitor().logIn(rep.username(), WebTestSupport.PASSWORD).headers().firstValue("Location"))
                .hasValue("/login?error");
        assertThat(visitor().logIn(rep.username(), NEW_PASSWORD).headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void aWrongCurrentPasswordOrTwoDifferentEntriesChangeNothingAndSayWhy() {
        HttpVisitor browser = signedIn(WebTestSupport.PASSWORD);
        browser.get("/profile/password"); // the form, with its CSRF token
        var wrong = browser.post("/profile/password", Map.of("currentPassword", "not-my-password",
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("est pas votre mot de passe actuel.");

        var different = browser.post("/profile/password", Map.of("currentPassword", WebTestSupport.PASSWORD,
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD + "!"));
        assertThat(different.body()).contains("Les deux saisies du nouveau mot de passe diffèrent.");

        var tooShort = browser.post("/profile/password?lang=en", Map.of("currentPassword", WebTestSupport.PASSWORD,
                "newPassword", "short", "confirmation", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("Change my password").doesNotContain("value=\"short\"");

        assertThat(browser.get("/clients").statusCode()).isEqualTo(200); // still signed in, nothing changed
        assertThat(visitor().logIn(rep.username(), WebTestSupport.PASSWORD).headers().firstValue("Location"))
                .hasValue("/");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(visitor().get("/profile/password").headers().firstValue("Location")).hasValue("/login");
    }

    private HttpVisitor signedIn(String password) {
        HttpVisitor browser = visitor();
        assertThat(browser.logIn(rep.username(), password).headers().firstValue("Location")).hasValue("/");
        return browser;
    }

    private HttpVisitor visitor() {
        return new HttpVisitor("http://localhost:" + port);
    }
}
