package org.relationcrm.audit.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import org.relationcrm.audit.AuditActor;
import org.relationcrm.audit.CurrentActor;
import org.relationcrm.audit.RecordKind;

/**
 * Tells PostgreSQL who is acting, for the change-history triggers (migration V70): before the first writing
 * statement of a transaction (INSERT, UPDATE, DELETE, MERGE, WITH, COPY, CALL) that names an audited table (those of
 * {@link RecordKind}, as a whole word: {@code interaction_contact} is not {@code contact}), whichever layer sends it
 * (Hibernate, JdbcClient, a bulk update), one {@code select set_config('relation.actor_id', …, true), set_config(
 * 'relation.actor_name', …, true)} on the same connection. Writes to other tables (an interaction logged, a session
 * touched) cost nothing more. The settings are transaction-local: they end with the
 * COMMIT or ROLLBACK, so a pooled connection never carries one user's name into another's transaction. A read-only
 * page costs nothing (no write, no statement); a writing transaction one statement, whatever its number of writes.
 * A write outside a transaction (auto-commit) or with nobody acting (a scheduled job) is recorded without an actor.
 * The actor comes from crm-core's {@link CurrentActor} (the signed-in user, set by the web layer), so nothing here
 * knows about HTTP and crm-core knows nothing about JDBC.
 */
@Configuration(proxyBeanMethods = false)
class ActorOnFirstWrite {

    static final String SET_ACTOR =
            "select set_config('relation.actor_id', ?, true), set_config('relation.actor_name', ?, true)";

    /** The audited tables as whole words (a name inside a longer identifier does not count). */
    private static final Pattern AUDITED = Pattern.compile(Arrays.stream(RecordKind.values()).map(RecordKind::table)
            .collect(Collectors.joining("|", "\\b(?:", ")\\b")), Pattern.CASE_INSENSITIVE);

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "merge", "with", "copy", "call",
            "truncate");

    @Bean
    static BeanPostProcessor actorOnFirstWriteOfEachTransaction(ObjectProvider<CurrentActor> actors) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ActorSettingDataSource)) {
                    return new ActorSettingDataSource(dataSource, () -> {
                        CurrentActor current = actors.getIfAvailable();
                        return current == null ? Optional.empty() : current.get();
                    });
                }
                return bean;
            }
        };
    }

    /**
     * The answer for each writing statement seen, so that the pattern runs once per statement, not on every write.
     * Statements are the app's own (a few hundred); past {@value #KEPT_STATEMENTS}, new ones are checked each time.
     */
    private static final Map<String, Boolean> AUDITED_WRITES = new ConcurrentHashMap<>();
    private static final int KEPT_STATEMENTS = 2_000;

    /** Whether the statement may write an audited table. */
    static boolean writesAudited(String sql) {
        if (!writes(sql)) {
            return false;
        }
        Boolean known = AUDITED_WRITES.get(sql);
        if (known == null) {
            known = AUDITED.matcher(sql).find();
            if (AUDITED_WRITES.size() < KEPT_STATEMENTS) {
                AUDITED_WRITES.put(sql, known);
            }
        }
        return known;
    }

    /** Whether the statement may write (its first keyword, after blanks, comments and opening parentheses). */
    static boolean writes(String sql) {
        if (sql == null) {
            return false;
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return i > start && WRITES.contains(sql.substring(start, i).toLowerCase(Locale.ROOT));
    }

    /** The application's DataSource, whose connections set the actor before a transaction's first write. */
    static final class ActorSettingDataSource extends DelegatingDataSource {

        private final Supplier<Optional<AuditActor>> actor;

        ActorSettingDataSource(DataSource target, Supplier<Optional<AuditActor>> actor) {
            super(target);
            this.actor = actor;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(ActorOnFirstWrite.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionHandler(connection, actor));
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {

        private final Connection target;
        private final Supplier<Optional<AuditActor>> actor;
        /** The actor was handled (set, or nobody was acting) in the current transaction. */
        private boolean done;

        ConnectionHandler(Connection target, Supplier<Optional<AuditActor>> actor) {
            this.target = target;
            this.actor = actor;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit", "rollback", "setAutoCommit", "close" -> done = false;
                case "prepareStatement", "prepareCall" -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql && writesAudited(sql)) {
                        beforeWrite();
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                }
            }
            Object result = call(target, method, args);
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return Proxy.newProxyInstance(ActorOnFirstWrite.class.getClassLoader(),
                        new Class<?>[] {Statement.class}, (p, m, a) -> {
                            if (m.getName().startsWith("execute") || m.getName().equals("addBatch")) {
                                if (a != null && a.length > 0 && a[0] instanceof String sql && writesAudited(sql)) {
                                    beforeWrite();
                                }
                            }
                            if (m.getName().equals("getConnection")) {
                                return proxy;
                            }
                            return call(statement, m, a);
                        });
            }
            return result;
        }

        private void beforeWrite() throws SQLException {
            if (done || target.getAutoCommit()) {
                return;
            }
            done = true;
            Optional<AuditActor> who = actor.get();
            if (who.isEmpty()) {
                return;
            }
            try (PreparedStatement set = target.prepareStatement(SET_ACTOR)) {
                set.setString(1, who.get().userId() == null ? "" : who.get().userId().toString());
                set.setString(2, who.get().name());
                set.executeQuery().close();
            }
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }
    }
}
