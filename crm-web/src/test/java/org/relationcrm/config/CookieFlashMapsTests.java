package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The message after a redirect travels in a signed cookie (CookieFlashMaps): shown on the next page only, in the
 * reader's language, and a cookie changed by hand or signed by another key shows nothing and breaks nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CookieFlashMapsTests {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    HttpVisitor browser;
    User rep;

    @BeforeEach
    void signIn() {
        rep = new WebTestSupport(users, userDetails, clients).newUser(Role.SALES);
        browser = new HttpVisitor("http://localhost:" + port);
        assertThat(browser.logIn(rep.username(), WebTestSupport.PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void theMessageOfAPostIsShownOnTheNextPageOnlyFromAnHttpOnlyCookie() {
        HttpResponse<String> created = createCompany();

        String setCookie = created.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(CookieFlashMaps.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=60");
        HttpResponse<String> next = browser.get(location(created));
        assertThat(next.body()).contains("alert-success");
        assertThat(HttpVisitor.cookiesSetBy(next)).as("the cookie is taken once shown").contains(CookieFlashMaps.COOKIE);
        assertThat(browser.cookie(CookieFlashMaps.COOKIE)).isNull();
        assertThat(browser.get(location(created)).body()).doesNotContain("alert-success");
    }

    @Test
    void aCookieChangedByHandShowsNothingAndBreaksNothing() {
        HttpResponse<String> created = createCompany();
        String cookie = browser.cookie(CookieFlashMaps.COOKIE);
        // a character in the middle: the last one of Base64 may hold only padding bits, and changing those changes
        // nothing (the test then failed now and then, with the flash still shown)
        int middle = cookie.length() / 2;
        char changed = cookie.charAt(middle) == 'A' ? 'B' : 'A';
        browser.setCookie(CookieFlashMaps.COOKIE, cookie.substring(0, middle) + changed + cookie.substring(middle + 1));

        HttpResponse<String> next = browser.get(location(created));

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).doesNotContain("alert-success");

        browser.setCookie(CookieFlashMaps.COOKIE, "not-a-flash");
        assertThat(browser.get("/clients").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> createCompany() {
        browser.get("/clients/new");
        HttpResponse<String> created = browser.post("/clients", Map.of("name", "Flash " + System.nanoTime(),
                "status", "PROSPECT", "ownerId", String.valueOf(rep.id())));
        assertThat(created.statusCode()).isEqualTo(302);
        return created;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }
}
