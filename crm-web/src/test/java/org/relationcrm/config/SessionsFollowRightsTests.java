package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * Rights follow the user at once: when an administrator disables a user or changes their role, the sessions the
 * user already has stop working with the old rights. Real HTTP, real sessions in PostgreSQL, the admin's own form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsFollowRightsTests {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    JdbcTemplate jdbc;

    WebTestSupport support;
    HttpVisitor admin;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        User administrator = support.newUser(Role.ADMIN);
        admin = visitor();
        assertThat(admin.logIn(administrator.username(), WebTestSupport.PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void aDisabledRepsNextRequestIsSentToTheLoginPage() {
        User rep = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(rep);
        HttpVisitor repBrowser = signedIn(rep);
        assertThat(repBrowser.get("/clients/" + company.id() + "/interactions/new").statusCode()).isEqualTo(200);

        changeByAdmin(rep, Role.SALES, Department.SALES, false);

        HttpResponse<String> next = repBrowser.get("/clients/" + company.id() + "/interactions/new");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(openSessionsOf(rep)).isZero();
        // and the interaction cannot be posted with the old cookie either
        assertThat(repBrowser.post("/clients/" + company.id() + "/interactions", Map.of("summary", "x"))
                .statusCode()).isNotEqualTo(200);
    }

    @Test
    void aManagerDemotedToSupportIsRefusedTheDashboardAtOnce() {
        User manager = support.newUser(Role.MANAGER);
        HttpVisitor managerBrowser = signedIn(manager);
        assertThat(managerBrowser.get("/pipeline/dashboard").statusCode()).isEqualTo(200);

        changeByAdmin(manager, Role.SUPPORT, Department.SUPPORT, true);

        HttpResponse<String> next = managerBrowser.get("/pipeline/dashboard");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        // signed in again, the new role applies
        signedIn(manager, managerBrowser);
        assertThat(managerBrowser.get("/pipeline/dashboard").statusCode()).isEqualTo(403);
        assertThat(managerBrowser.get("/complaints").statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeOfDepartmentOnlyEndsThatUsersSessionsNotOthers() {
        User rep = support.newUser(Role.SALES);
        User colleague = support.newUser(Role.SALES);
        HttpVisitor repBrowser = signedIn(rep);
        HttpVisitor colleagueBrowser = signedIn(colleague);

        changeByAdmin(rep, Role.SALES, Department.ADV, true);

        assertThat(repBrowser.get("/clients").statusCode()).isEqualTo(302);
        assertThat(colleagueBrowser.get("/clients").statusCode()).isEqualTo(200);
        assertThat(openSessionsOf(colleague)).isEqualTo(1);
    }

    @Test
    void aSessionWhoseStoredSignInCannotBeReadAnyMoreAsksToSignInAgainNotA500() {
        User rep = support.newUser(Role.SALES);
        HttpVisitor repBrowser = signedIn(rep);
        // as after an upgrade that changed a class kept in the session, or a damaged row
        int damaged = jdbc.update("""
                update spring_session_attributes set attribute_bytes = ?
                where attribute_name = 'SPRING_SECURITY_CONTEXT' and session_primary_id in
                      (select primary_id from spring_session where principal_name = ?)""",
                new byte[]{(byte) 0xac, (byte) 0xed, 0, 5, 's', 'r', 0, 3, 'x', '.', 'Y'}, rep.username());
        assertThat(damaged).isEqualTo(1);

        HttpResponse<String> next = repBrowser.get("/clients");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        signedIn(rep, repBrowser);
        assertThat(repBrowser.get("/clients").statusCode()).isEqualTo(200);
    }

    private void changeByAdmin(User user, Role role, Department department, boolean enabled) {
        User current = users.get(user.id());
        assertThat(admin.get("/admin/users/" + user.id() + "/edit").statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", current.username());
        form.put("fullName", current.fullName());
        form.put("role", role.name());
        form.put("department", department.name());
        form.put("version", Long.toString(current.version()));
        if (enabled) {
            form.put("enabled", "true");
        }
        HttpResponse<String> saved = admin.post("/admin/users/" + user.id(), form);
        assertThat(saved.statusCode()).as("the admin's change is saved").isEqualTo(302);
    }

    private HttpVisitor signedIn(User user) {
        return signedIn(user, visitor());
    }

    private HttpVisitor signedIn(User user, HttpVisitor browser) {
        HttpResponse<String> login = browser.logIn(user.username(), WebTestSupport.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private int openSessionsOf(User user) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                user.username());
    }

    private HttpVisitor visitor() {
        return new HttpVisitor("http://127.0.0.1:" + port);
    }
}
