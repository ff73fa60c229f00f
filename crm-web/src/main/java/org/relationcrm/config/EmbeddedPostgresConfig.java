package org.relationcrm.config;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * When no database is configured (no {@code spring.datasource.url}, i.e. no SPRING_DATASOURCE_URL), the app
 * starts a real PostgreSQL of its own, keeping its data in {@code relation.data-dir} (default
 * {@code ~/.relation/postgres}) so it survives restarts. Nobody has to install or set up a database to try Relation.
 * It runs durably, with a password, the app as a non-superuser: see {@link DurableEmbeddedPostgres}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoDatabaseConfigured.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    DurableEmbeddedPostgres embeddedPostgres(
            @Value("${relation.data-dir:${user.home}/.relation/postgres}") Path dataDir,
            @Value("${relation.embedded-db.port:0}") int port) {
        DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(dataDir, port);
        log.info("Embedded PostgreSQL on port {} with its data in {}, durable (fsync and synchronous commit on); "
                        + "the app connects as '{}' with the password in {}", postgres.port(), postgres.dataDir(),
                postgres.username(), postgres.dataDir().resolve(DurableEmbeddedPostgres.PASSWORD_FILE));
        return postgres;
    }

    @Bean
    DataSource dataSource(DurableEmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setPoolName("relation-embedded");
        return dataSource;
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
