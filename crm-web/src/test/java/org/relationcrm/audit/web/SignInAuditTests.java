package org.relationcrm.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.config.HttpVisitor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * Sign-ins, failed sign-ins (with the username typed, never the password) and sign-outs through the real login
 * form over HTTP land in the audit log, which the administrator reads filtered by user and action.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInAuditTests {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired JdbcClient jdbc;

    @Test
    void aFailedThenASuccessfulSignInAndASignOutAreLoggedWithTheUsernameAndAddress() {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User rep = support.newUser(Role.SALES);
        User admin = support.newUser(Role.ADMIN);
        HttpVisitor browser = new HttpVisitor("http://127.0.0.1:" + port);

        HttpResponse<String> wrong = browser.logIn(rep.username(), "not-the-password-42");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        HttpResponse<String> right = browser.logIn(rep.username(), WebTestSupport.PASSWORD);
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        browser.get("/");
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(302);

        List<String> lines = jdbc.sql("""
                        select action || ' ' || coalesce(actor_id::text, '-') || ' ' || ip || ' ' || details::text
                        from audit_log where lower(actor) = :name order by id""")
                .param("name", rep.username()).query(String.class).list();
        assertThat(lines).containsExactly(
                "LOGIN_FAILED - 127.0.0.1 {\"reason\": \"BAD_CREDENTIALS\"}",
                "LOGIN " + rep.id() + " 127.0.0.1 {}",
                "LOGOUT " + rep.id() + " 127.0.0.1 {}");
        assertThat(jdbc.sql("select count(*) from audit_log where details::text like '%not-the-password%'")
                .query(Long.class).single()).isZero();

        HttpVisitor adminBrowser = new HttpVisitor("http://127.0.0.1:" + port);
        adminBrowser.logIn(admin.username(), WebTestSupport.PASSWORD);
        HttpResponse<String> failures = adminBrowser.get("/admin/audit?action=LOGIN_FAILED&user=" + rep.username());
        assertThat(failures.statusCode()).isEqualTo(200);
        assertThat(failures.body()).contains("Connexion refusée").contains(rep.username())
                .contains("identifiant ou mot de passe erroné").doesNotContain("Déconnexion</td>");
    }

    @Test
    void aFailedSignInUnderANameThatDoesNotExistIsLoggedToo() {
        HttpVisitor browser = new HttpVisitor("http://127.0.0.1:" + port);
        String typed = "nobody-" + System.nanoTime();

        browser.logIn(typed, "whatever-password");

        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGIN_FAILED' and actor = :typed")
                .param("typed", typed).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSignInRefusedBecauseTheAccountIsLockedIsLoggedAsSuch() {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User rep = support.newUser(Role.SALES);
        HttpVisitor browser = new HttpVisitor("http://127.0.0.1:" + port);
        for (int i = 0; i < 5; i++) {
            browser.logIn(rep.username(), "wrong-password-" + i);
        }

        HttpResponse<String> refused = browser.logIn(rep.username(), WebTestSupport.PASSWORD);

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("locked"));
        assertThat(jdbc.sql("""
                        select details ->> 'reason' from audit_log
                        where action = 'LOGIN_FAILED' and actor = :name order by id desc limit 1""")
                .param("name", rep.username()).query(String.class).single()).isEqualTo("LOCKED");
    }
}
