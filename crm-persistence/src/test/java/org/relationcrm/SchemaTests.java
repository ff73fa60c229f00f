package org.relationcrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The context starting at all proves Flyway migrated a real PostgreSQL and Hibernate validated every mapping. */
@SpringBootTest
class SchemaTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void flywayAppliedEveryMigrationSuccessfully() {
        var applied = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class).list();
        assertThat(applied).startsWith("1", "2", "3");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
                .isZero();
    }

    @Test
    void runsOnPostgresqlWithTrigramAndUnaccent() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select relation_fold('Hélène ÇA')").query(String.class).single()).isEqualTo("helene ca");
        assertThat(jdbc.sql("select relation_phone_digits('+33 6 12 34 56 78')").query(String.class).single())
                .isEqualTo("0612345678");
    }
}
