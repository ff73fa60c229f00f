package org.relationcrm.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.config.HttpVisitor;
import org.relationcrm.shared.Department;
import org.relationcrm.testing.TestData;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The administrator names users, gives them an email and resets a forgotten password; a taken name or email is said
 * at once. Real HTTP through Spring Security, sessions in PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAdministrationTests {

    private static final Pattern TEMPORARY = Pattern.compile("id=\"temporary-password\">([^<]+)<");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    User admin;
    User rep;

    @BeforeEach
    void setUp() {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        admin = support.newUser(Role.ADMIN);
        rep = support.newUser(Role.SALES);
    }

    @Test
    void aTakenUsernameIsReportedTogetherWithTheOtherMistakes() {
        HttpVisitor browser = signedIn(admin, WebTestSupport.PASSWORD);
        browser.get("/admin/users/new");
        var answer = browser.post("/admin/users", Map.of("username", rep.username().toUpperCase(), "fullName", "",
                "email", "not-an-email", "role", "SALES", "department", "SALES", "password", "short"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Cet identifiant est déjà pris.");
    }

    @Test
    void anEmailOfAnotherUserIsRefusedWhateverItsCase() {
        String email = TestData.unique("jeanne") + "@example.com";
        User other = users.create(TestData.unique("jeanne"), WebTestSupport.PASSWORD, "Jeanne", email, Role.SUPPORT,
                Department.SUPPORT);
        HttpVisitor browser = signedIn(admin, WebTestSupport.PASSWORD);
        browser.get("/admin/users/" + rep.id() + "/edit");

        var answer = browser.post("/admin/users/" + rep.id() + "?lang=en",
                edit(rep, rep.username(), "Sophie", email.toUpperCase()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("This email already belongs to another user.");
        assertThat(users.get(rep.id()).email()).isNull();
        assertThat(users.get(other.id()).email()).isEqualTo(email);
    }

    @Test
    void theAdministratorRenamesAUserWhoThenSignsInWithTheNewName() {
        HttpVisitor repBrowser = signedIn(rep, WebTestSupport.PASSWORD);
        HttpVisitor browser = signedIn(admin, WebTestSupport.PASSWORD);
        browser.get("/admin/users/" + rep.id() + "/edit");
        String newName = TestData.unique("smartin");

        var saved = browser.post("/admin/users/" + rep.id(),
                edit(rep, newName, "Sophie Martin-Durand", "sophie@example.org"));

        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/users");
        User renamed = users.get(rep.id());
        assertThat(renamed.username()).isEqualTo(newName);
        assertThat(renamed.fullName()).isEqualTo("Sophie Martin-Durand");
        assertThat(renamed.email()).isEqualTo("sophie@example.org");
        assertThat(browser.get("/admin/users").body()).contains("Sophie Martin-Durand", "sophie@example.org");
        // the session opened under the old name ends; the new name signs in
        assertThat(repBrowser.get("/clients").headers().firstValue("Location")).hasValue("/login");
        assertThat(visitor().logIn(newName, WebTestSupport.PASSWORD).headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void aResetPasswordIsShownOnceAndMustBeReplacedBeforeAnythingElse() {
        HttpVisitor repBrowser = signedIn(rep, WebTestSupport.PASSWORD);
        HttpVisitor browser = signedIn(admin, WebTestSupport.PASSWORD);
        browser.get("/admin/users/" + rep.id() + "/edit");

        var page = browser.post("/admin/users/" + rep.id() + "/password-reset",
                Map.of("version", String.valueOf(rep.version())));

        assertThat(page.statusCode()).isEqualTo(200);
        Matcher shown = TEMPORARY.matcher(page.body());
        assertThat(shown.find()).as(page.body()).isTrue();
        String temporary = shown.group(1);
        assertThat(temporary).hasSize(UserService.TEMPORARY_PASSWORD_LENGTH);
        assertThat(page.body()).contains("s&#39;il est perdu").doesNotContain("s&#39;&#39;il");
        assertThat(repBrowser.get("/clients").headers().firstValue("Location")).hasValue("/login");
        assertThat(visitor().logIn(rep.username(), WebTestSupport.PASSWORD).headers().firstValue("Location"))
                .hasValue("/login?error");

        HttpVisitor again = visitor();
        assertThat(again.logIn(rep.username(), temporary).headers().firstValue("Location")).hasValue("/");
        assertThat(again.get("/clients").headers().firstValue("Location")).hasValue("/profile/password");
        assertThat(again.get("/profile/password").body())
                .contains("Votre mot de passe a été réinitialisé par un administrateur");
        again.post("/profile/password", Map.of("currentPassword", temporary, "newPassword", "my-very-own-secret",
                "confirmation", "my-very-own-secret"));

        HttpVisitor afterwards = visitor();
        assertThat(afterwards.logIn(rep.username(), "my-very-own-secret").headers().firstValue("Location"))
                .hasValue("/");
        assertThat(afterwards.get("/clients").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetFromAStaleFormChangesNothing() {
        HttpVisitor browser = signedIn(admin, WebTestSupport.PASSWORD);
        browser.get("/admin/users/" + rep.id() + "/edit");
        String hashBefore = users.get(rep.id()).passwordHash();

        var answer = browser.post("/admin/users/" + rep.id() + "/password-reset",
                Map.of("version", String.valueOf(rep.version() + 7)));

        assertThat(answer.headers().firstValue("Location")).hasValue("/admin/users/" + rep.id() + "/edit");
        assertThat(users.get(rep.id()).passwordHash()).isEqualTo(hashBefore);
        assertThat(users.get(rep.id()).mustChangePassword()).isFalse();
    }

    @Test
    void onlyAnAdministratorResetsAPassword() {
        HttpVisitor browser = signedIn(rep, WebTestSupport.PASSWORD);
        browser.get("/clients");
        var answer = browser.post("/admin/users/" + admin.id() + "/password-reset",
                Map.of("version", String.valueOf(admin.version())));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(users.get(admin.id()).mustChangePassword()).isFalse();
    }

    private static Map<String, String> edit(User user, String username, String fullName, String email) {
        Map<String, String> form = new HashMap<>();
        form.put("username", username);
        form.put("fullName", fullName);
        form.put("email", email);
        form.put("role", user.role().name());
        form.put("department", user.department().name());
        form.put("enabled", "true");
        form.put("version", String.valueOf(user.version()));
        return form;
    }

    private HttpVisitor signedIn(User user, String password) {
        HttpVisitor browser = visitor();
        assertThat(browser.logIn(user.username(), password).headers().firstValue("Location")).hasValue("/");
        return browser;
    }

    private HttpVisitor visitor() {
        return new HttpVisitor("http://localhost:" + port);
    }
}
