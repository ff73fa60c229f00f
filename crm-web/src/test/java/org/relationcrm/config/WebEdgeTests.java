package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * What every response carries, through the real Tomcat on a random port (MockMvc does not go through Tomcat, which
 * is where a relative redirect used to become an absolute one built from the Host header). Requests are written by
 * hand on a socket because java.net.http refuses to send a Host header of our choosing.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "RELATION_SECURE_COOKIES=true")
class WebEdgeTests {

    private static final String EVIL = "evil.example";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;

    @Test
    void aForgedHostHeaderNeverEndsUpInARedirect() throws IOException {
        User manager = new WebTestSupport(users, null, clients).newUser(Role.MANAGER);
        Browser browser = new Browser(EVIL);

        Reply anonymous = browser.get("/risk");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).doesNotContain(EVIL).endsWith("/login");

        Reply wrongPassword = browser.login(manager.username(), "not-the-password");
        assertThat(wrongPassword.location()).doesNotContain(EVIL).endsWith("/login?error");

        Reply signedIn = browser.login(manager.username(), WebTestSupport.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain(EVIL).contains("/risk");

        Reply afterPost = browser.post("/risk/refresh", Map.of("_csrf", browser.get("/risk").csrfToken()));
        assertThat(afterPost.status()).isEqualTo(302);
        assertThat(afterPost.location()).doesNotContain(EVIL).startsWith("/risk");

        Reply loggedOut = browser.post("/logout", Map.of("_csrf", browser.get("/risk").csrfToken()));
        assertThat(loggedOut.location()).doesNotContain(EVIL).endsWith("/login?logout");
    }

    @Test
    void everyResponseSaysWhatTheBrowserMayLeakOrUse() throws IOException {
        Browser browser = new Browser("localhost");
        for (String path : new String[]{"/login", "/risk", "/css/relation.css", "/no-such-page"}) {
            Reply reply = browser.get(path);
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(reply.header("Permissions-Policy")).as(path)
                    .contains("camera=()", "microphone=()", "geolocation=()");
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheSettingAsksForIt() throws IOException {
        Browser browser = new Browser("localhost");
        User sales = new WebTestSupport(users, null, clients).newUser(Role.SALES);
        browser.get("/login");
        Reply signedIn = browser.login(sales.username(), WebTestSupport.PASSWORD);
        assertThat(signedIn.headers("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")
                        || cookie.startsWith("SESSION="))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.getFirst();
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String location() {
            return header("Location");
        }

        String csrfToken() {
            Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(body);
            assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
            return matcher.group(1);
        }
    }

    /** HTTP/1.1 by hand (Tomcat keeps a redirect relative for HTTP/1.1 clients only), with a cookie jar and the Host header we choose. */
    final class Browser {
        private final String host;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Browser(String host) {
            this.host = host;
        }

        Reply login(String username, String password) throws IOException {
            return post("/login", Map.of("username", username, "password", password,
                    "_csrf", get("/login").csrfToken()));
        }

        Reply get(String path) throws IOException {
            return exchange("GET " + path, null);
        }

        Reply post(String path, Map<String, String> form) throws IOException {
            List<String> pairs = new ArrayList<>();
            form.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return exchange("POST " + path, String.join("&", pairs));
        }

        private Reply exchange(String requestLine, String form) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(host).append("\r\nConnection: close\r\nAccept-Language: fr\r\n");
                if (!cookies.isEmpty()) {
                    request.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList())).append("\r\n");
                }
                byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
                if (form != null) {
                    request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                            .append(body.length).append("\r\n");
                }
                request.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return read(socket.getInputStream());
            }
        }

        private Reply read(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                if (name.equals("set-cookie")) {
                    String pair = value.split(";", 2)[0];
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            String body = raw.substring(end + 4);
            boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
            String bytes = chunked ? dechunk(body) : body;
            return new Reply(status, headers,
                    new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        /** Bytes as ISO-8859-1 characters, one for one, so chunk sizes are string lengths. */
        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
