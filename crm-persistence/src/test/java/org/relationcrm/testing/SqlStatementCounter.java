package org.relationcrm.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends on the thread that measures (MockMvc runs the request there).
 * Import it in a test ({@code @Import(SqlStatementCounter.Config.class)}), then {@link #reset()} and {@link #count()}
 * around what you measure. The scheduler's jobs (the churn-risk refresh, the sessions' clean-up) run on threads of
 * their own and are not counted: on a busy machine they used to land inside a measured request.
 */
public final class SqlStatementCounter implements QueryExecutionListener {

    private final AtomicLong statements = new AtomicLong();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> sentInAutoCommit = new CopyOnWriteArrayList<>();
    private volatile Thread measured;

    /** Starts counting from zero, the statements of this thread only. */
    public void reset() {
        measured = Thread.currentThread();
        statements.set(0);
        sent.clear();
        sentInAutoCommit.clear();
    }

    /**
     * Starts counting from zero, the statements of every thread: for requests over real HTTP, which the server
     * serves on threads of its own (a scheduled job's statements are counted too).
     */
    public void resetForAllThreads() {
        measured = null;
        statements.set(0);
        sent.clear();
        sentInAutoCommit.clear();
    }

    /** The statements sent since the last reset, in order. */
    public List<String> statements() {
        return List.copyOf(sent);
    }

    /** Those of {@link #statements()} that ran in auto-commit: no BEGIN before them, no COMMIT after. */
    public List<String> statementsInAutoCommit() {
        return List.copyOf(sentInAutoCommit);
    }

    public long count() {
        return statements.get();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        Thread thread = measured;
        if (thread == null || thread == Thread.currentThread()) {
            statements.addAndGet(queryInfoList.size());
            queryInfoList.forEach(query -> sent.add(query.getQuery()));
            if (inAutoCommit(execInfo)) {
                queryInfoList.forEach(query -> sentInAutoCommit.add(query.getQuery()));
            }
        }
    }

    private static boolean inAutoCommit(ExecutionInfo execInfo) {
        try {
            return execInfo.getStatement().getConnection().getAutoCommit();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        public SqlStatementCounter sqlStatementCounter() {
            return new SqlStatementCounter();
        }

        @Bean
        public static BeanPostProcessor countingDataSourceWrapper(org.springframework.beans.factory.ObjectProvider<SqlStatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(counter.getObject()).build();
                    }
                    return bean;
                }
            };
        }
    }
}
