package org.relationcrm.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions in which Spring Session reads and writes the session of every request: plain JDBC ones. Left to
 * itself it would use the application's JPA transaction manager, which opens a Hibernate session around each of
 * those few SQL statements; on the 360° page that was about a tenth of the app's CPU (docs/scaling.md). The manager
 * here is not a bean, so the JPA one stays the application's only {@code PlatformTransactionManager}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionTransactions {

    /** The name Spring Session's JDBC configuration looks for. */
    @Bean
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }
}
