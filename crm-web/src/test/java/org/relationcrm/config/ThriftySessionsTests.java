package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.SqlStatementCounter;

/**
 * A signed-in request reads its session once and writes it only when something in it changed, or when its
 * last-access time is a minute old; the session still ends after 30 minutes without a request. Real HTTP, the
 * session in PostgreSQL, the statements counted on the DataSource.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SqlStatementCounter.Config.class)
class ThriftySessionsTests {

    @LocalServerPort
    int port;
    @Autowired
    SqlStatementCounter counter;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    WebTestSupport support;
    User rep;
    HttpVisitor browser;

    @BeforeEach
    void signIn() {
        support = new WebTestSupport(users, userDetails, clients);
        rep = support.newUser(Role.SALES);
        browser = new HttpVisitor("http://localhost:" + port);
        assertThat(browser.logIn(rep.username(), WebTestSupport.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestThatChangesNothingReadsItsSessionOnceAndWritesNothing() {
        long lastAccess = lastAccessOfTheRepsSession();

        List<String> sessionStatements = sessionStatementsOf("/");

        assertThat(sessionStatements).as("the session's statements of one page").hasSize(1);
        assertThat(sessionStatements.getFirst()).startsWith("SELECT");
        assertThat(counter.statementsInAutoCommit()).as("read in auto-commit: no BEGIN, no COMMIT, one trip")
                .contains(sessionStatements.getFirst());
        assertThat(lastAccessOfTheRepsSession()).isEqualTo(lastAccess);
    }

    @Test
    void theLastAccessIsWrittenOnceItIsAMinuteOld() {
        jdbc.update("update spring_session set last_access_time = last_access_time - ? where principal_name = ?",
                Duration.ofSeconds(90).toMillis(), rep.username());
        long old = lastAccessOfTheRepsSession();

        List<String> first = sessionStatementsOf("/");

        assertThat(first).as("read, then last access written").hasSize(2);
        assertThat(first.get(1)).startsWith("UPDATE SPRING_SESSION");
        assertThat(counter.statements()).as("the write keeps its transaction")
                .filteredOn(sql -> sql.startsWith("UPDATE SPRING_SESSION")).isNotEmpty()
                .noneMatch(counter.statementsInAutoCommit()::contains);
        assertThat(lastAccessOfTheRepsSession()).isGreaterThanOrEqualTo(old + Duration.ofSeconds(90).toMillis());

        List<String> second = sessionStatementsOf("/");
        assertThat(second).as("a second later: read only").hasSize(1);
    }

    @Test
    void aSessionWithoutARequestFor30MinutesStillEnds() {
        jdbc.update("""
                update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
                where principal_name = ?""",
                Duration.ofMinutes(31).toMillis(), Duration.ofMinutes(31).toMillis(), rep.username());

        HttpResponse<String> page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aPostThatSavesWritesNothingInItsSessionAndTheNextPageStillSaysSaved() {
        browser.get("/clients/new");
        counter.resetForAllThreads();
        HttpResponse<String> created = browser.post("/clients", java.util.Map.of("name", "Session " + System.nanoTime(),
                "status", "PROSPECT", "ownerId", String.valueOf(rep.id())));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(counter.statements().stream()
                .filter(sql -> sql.contains("SPRING_SESSION") && !sql.strip().startsWith("DELETE")))
                .as("the post reads its session and writes nothing in it (the flash is in a cookie, CookieFlashMaps)")
                .hasSize(1).allMatch(sql -> sql.startsWith("SELECT"));

        // the "created" message waited in its cookie for the page the browser is sent to, and is shown once
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(location).body()).contains("alert-success");
        assertThat(browser.get(location).body()).doesNotContain("alert-success");
    }

    private List<String> sessionStatementsOf(String path) {
        counter.resetForAllThreads(); // the server's threads serve the request
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        // the request's own: the scheduled clean-up of expired sessions (a DELETE) may run meanwhile
        return counter.statements().stream()
                .filter(sql -> sql.contains("SPRING_SESSION") && !sql.strip().startsWith("DELETE")).toList();
    }

    private long lastAccessOfTheRepsSession() {
        return jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?", Long.class,
                rep.username());
    }
}
