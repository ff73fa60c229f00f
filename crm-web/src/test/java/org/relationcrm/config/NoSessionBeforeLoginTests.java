package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Anonymous visits keep nothing on the server: no session for the login form, the public survey page or a page
 * that sends to the login; the session starts at login, and the login form still needs its CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoSessionBeforeLoginTests {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    SurveyService surveys;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymousPagesCreateNoSession() {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User rep = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(rep);
        Contact person = clients.addContact(company.id(), TestData.person("Anne", "Oui", "anne@x.example"));
        SentSurvey survey = surveys.send(SurveyKind.NPS, person.id(), false, rep.asActor());
        String surveyPath = survey.link().substring(survey.link().indexOf("/s/"));
        int sessionsBefore = sessions();

        for (String path : new String[]{"/login", "/login?lang=en", "/login?error", surveyPath,
                surveyPath + "?lang=fr", "/s/unknown-token", "/", "/clients/" + company.id()}) {
            HttpResponse<String> page = new HttpVisitor(base()).get(path);
            assertThat(page.statusCode()).as(path).isLessThan(500);
            assertThat(HttpVisitor.cookiesSetBy(page)).as("cookies set by " + path)
                    .doesNotContain("SESSION", "JSESSIONID");
        }
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    @Test
    void loginStillNeedsTheFormsCsrfTokenAndThenStartsASession() {
        User rep = new WebTestSupport(users, userDetails, clients).newUser(Role.SALES);
        int sessionsBefore = sessions();

        HttpVisitor forger = new HttpVisitor(base());
        HttpResponse<String> forged = forger.post("/login",
                Map.of("username", rep.username(), "password", WebTestSupport.PASSWORD));
        assertThat(forged.statusCode()).as("a login post without the form's token").isEqualTo(403);

        HttpVisitor browser = new HttpVisitor(base());
        HttpResponse<String> login = browser.logIn(rep.username(), WebTestSupport.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(HttpVisitor.cookiesSetBy(login)).contains("SESSION");
        assertThat(browser.get("/clients").statusCode()).isEqualTo(200);
        assertThat(sessions()).isEqualTo(sessionsBefore + 1);

        // a form posted while signed in still needs the token of the page
        HttpVisitor noToken = new HttpVisitor(base());
        noToken.logIn(rep.username(), WebTestSupport.PASSWORD);
        assertThat(noToken.post("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(browser.get("/clients").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get("/clients").statusCode()).isEqualTo(302);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private int sessions() {
        return jdbc.queryForObject("select count(*) from spring_session", Integer.class);
    }
}
