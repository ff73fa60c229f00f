package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.relationcrm.RelationApplication;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestDatabase;

/** A new database has no user: the first start creates an administrator who can sign in, once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

    @Test
    void aNewDatabaseGetsOneAdministratorWithTheGeneratedPasswordShownOnce(CapturedOutput output) {
        TestDatabase.Connection db = TestDatabase.another();
        String password;
        try (ConfigurableApplicationContext app = start(db)) {
            Matcher shown = Pattern.compile("created the administrator 'admin' with the password (\\S+) ")
                    .matcher(output.getAll());
            assertThat(shown.find()).isTrue();
            password = shown.group(1);
            assertThat(app.getBean(UserService.class).all()).extracting(User::username, User::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", Role.ADMIN));

            HttpVisitor browser = new HttpVisitor("http://localhost:" + port(app));
            var signedIn = browser.logIn("admin", password);
            assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
            assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext again = start(db)) {
            assertThat(again.getBean(UserService.class).all()).hasSize(1);
            assertThat(Pattern.compile("created the administrator").matcher(output.getAll()).results().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void theInitialPasswordCanBeChosenAndIsNeverLogged(CapturedOutput output) {
        TestDatabase.Connection db = TestDatabase.another();
        try (ConfigurableApplicationContext app = start(db, "relation.admin.initial-password=chosen-admin-secret")) {
            assertThat(new HttpVisitor("http://localhost:" + port(app)).logIn("admin", "chosen-admin-secret")
                    .headers().firstValue("Location")).hasValue("/");
            assertThat(output.getAll()).contains("with the password of relation.admin.initial-password")
                    .doesNotContain("chosen-admin-secret");
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase.Connection db, String... more) {
        return new SpringApplicationBuilder(RelationApplication.class)
                .properties("server.port=0", "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(), "spring.datasource.password=" + db.password())
                .properties(more)
                .run();
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
