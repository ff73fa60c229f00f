package org.relationcrm.config;

import java.util.function.Supplier;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions in which Spring Session reads and writes the session of every request: plain JDBC ones. Left to
 * itself it would use the application's JPA transaction manager, which opens a Hibernate session around each of
 * those few SQL statements; on the 360° page that was about a tenth of the app's CPU (docs/scaling.md). The manager
 * here is not a bean, so the JPA one stays the application's only {@code PlatformTransactionManager}.
 * <p>
 * Reading the session of a request, done on every request, needs no transaction at all: it is one SELECT (the
 * session joined to its attributes), and in auto-commit it is one trip to PostgreSQL instead of two (the COMMIT).
 * Writes (a new session, its attributes, its end) keep their transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionTransactions {

    /** The name Spring Session's JDBC configuration looks for. */
    @Bean
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        return new ReadsWithoutTransaction(new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    }

    /** Spring Session's transactions, but none while {@link #read} runs on the thread. */
    static final class ReadsWithoutTransaction implements TransactionOperations {

        private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

        private final TransactionOperations transactions;

        ReadsWithoutTransaction(TransactionOperations transactions) {
            this.transactions = transactions;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            return READING.get() == null ? transactions.execute(action)
                    : TransactionOperations.withoutTransaction().execute(action);
        }

        /**
         * Runs a read of the session repository in auto-commit. Only for a read of one statement (finding a session
         * by its id: one SELECT, and the DELETE of that session if it has expired).
         */
        static <T> T read(Supplier<T> read) {
            READING.set(Boolean.TRUE);
            try {
                return read.get();
            } finally {
                READING.remove();
            }
        }
    }
}
