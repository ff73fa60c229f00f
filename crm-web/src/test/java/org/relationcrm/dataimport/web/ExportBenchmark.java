package org.relationcrm.dataimport.web;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The clients list export over real HTTP, CSV and Excel (docs/benchmarks.md), not run by the build (its name is not
 * *Tests): writes {@code bench.companies} companies (100 000 by default) in one statement, signs in, then downloads
 * {@code /clients/export} in each format twice (the first warms the JVM) and prints the time to the first byte, the
 * whole download, its size and its rows read back (the workbook with fastexcel-reader). Run it with
 * {@code ./mvnw -pl crm-web -am verify -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlicense.skip=true} (and TEST_DB_URL for a given PostgreSQL).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class ExportBenchmark {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void exportHundredThousandCompaniesAsCsvAndAsExcel() throws Exception {
        int companies = Integer.getInteger("bench.companies", 100_000);
        User adv = TestData.user(users, Role.ADV, Department.ADV);
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into company (name, city, postal_code, status, owner_id, created_at)
                select 'Société ' || g, (array['Paris', 'Lyon', 'Orléans', 'Nîmes', 'Brest'])[1 + g % 5],
                       lpad((10000 + g % 85000)::text, 5, '0'), case when g % 3 = 0 then 'CUSTOMER' else 'PROSPECT' end,
                       :owner, now() - make_interval(days => g % 700)
                  from generate_series(1, :n) g""").param("owner", adv.id()).param("n", companies).update();
        jdbc.sql("analyze company").update();
        System.out.printf("inserted %,d companies in %.1f s%n", companies, (System.nanoTime() - t0) / 1e9);

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(http, adv.username());
        for (int round = 1; round <= 2; round++) {
            for (String format : new String[] {"CSV", "XLSX"}) {
                download(http, format, round);
            }
        }
    }

    private void download(HttpClient http, String format, int round) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/clients/export?format=" + format))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long first = 0;
        Path file = Files.createTempFile("export", "." + format.toLowerCase());
        try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (first == 0 && n > 0) {
                    first = System.nanoTime();
                }
                bytes += n;
                out.write(buffer, 0, n);
            }
        }
        long end = System.nanoTime();
        long rows;
        if (format.equals("XLSX")) {
            try (ReadableWorkbook book = new ReadableWorkbook(file.toFile());
                 Stream<Row> sheet = book.getFirstSheet().openStream()) {
                rows = sheet.count();
            }
        } else {
            try (Stream<String> lines = Files.lines(file)) {
                rows = lines.count();
            }
        }
        Files.delete(file);
        System.out.printf("round %d, %s (HTTP %d): first byte after %.0f ms, %,d bytes in %.2f s; %,d rows read back"
                        + "%n", round, format, response.statusCode(), (first - start) / 1e6, bytes, (end - start) / 1e9,
                rows);
    }

    private void signIn(HttpClient http, String username) throws Exception {
        String form = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode("a-long-password", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
