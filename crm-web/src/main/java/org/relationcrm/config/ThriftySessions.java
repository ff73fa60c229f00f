package org.relationcrm.config;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The sessions of signed-in users, with two trips to PostgreSQL fewer per request than Spring Session's JDBC
 * repository makes on its own:
 * <ul>
 * <li>the last-access time is written when it is at least {@code relation.session.touch-every} (a minute) old, not on
 * every request: a request that changes nothing in the session then writes nothing (a session may thus end up to
 * a minute before its 30 minutes of inactivity are over);</li>
 * <li>after saving a session, the filter asks the repository again whether the session the browser sent exists
 * (<a href="https://github.com/spring-projects/spring-session/issues/1731">spring-session#1731</a>): the session
 * just saved answers, instead of a second SELECT;</li>
 * <li>the session is read in auto-commit, without BEGIN and COMMIT around its one SELECT
 * ({@link SessionTransactions}).</li>
 * </ul>
 * Everything else (reading the session, ending sessions on a rights change, the clean-up of expired ones) is
 * Spring Session's JDBC repository, untouched: the repository here is only what the session filter uses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ThriftySessions {

    /**
     * Replaces Spring Session's filter by one on the repository here (declaring that repository as a bean would
     * make Spring Boot's session configuration back off).
     */
    @Bean
    static BeanPostProcessor thriftySessionFilter(ObjectProvider<JdbcIndexedSessionRepository> jdbc,
                                                  ObjectProvider<HttpSessionIdResolver> idResolver,
                                                  ObjectProvider<CookieSerializer> cookies, Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>) || bean instanceof ThriftySessionFilter) {
                    return bean;
                }
                Duration touchEvery = environment.getProperty("relation.session.touch-every", Duration.class,
                        Duration.ofMinutes(1));
                var filter = new ThriftySessionFilter(new ThriftySessionRepository(jdbc.getObject(), touchEvery));
                filter.setHttpSessionIdResolver(idResolver.getIfAvailable(() -> {
                    var resolver = new CookieHttpSessionIdResolver();
                    resolver.setCookieSerializer(cookies.getObject());
                    return resolver;
                }));
                return filter;
            }
        };
    }

    /** Spring Session's filter, which forgets when each request ends the session it saved. */
    static final class ThriftySessionFilter extends SessionRepositoryFilter<ThriftySession> {

        private final ThriftySessionRepository sessions;

        ThriftySessionFilter(ThriftySessionRepository sessions) {
            super(sessions);
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                super.doFilterInternal(request, response, chain);
            } finally {
                sessions.forgetSaved(); // a platform thread serves other requests after this one
            }
        }
    }

    static final class ThriftySessionRepository implements SessionRepository<ThriftySession> {

        private final SessionRepository<Session> jdbc;
        private final Duration touchEvery;
        private final ThreadLocal<ThriftySession> saved = new ThreadLocal<>();

        @SuppressWarnings({"unchecked", "rawtypes"}) // its session type is not public: the sessions here are its own
        ThriftySessionRepository(JdbcIndexedSessionRepository jdbc, Duration touchEvery) {
            this.jdbc = (SessionRepository) jdbc;
            this.touchEvery = touchEvery;
        }

        @Override
        public ThriftySession createSession() {
            return new ThriftySession(jdbc.createSession(), true, touchEvery);
        }

        @Override
        public void save(ThriftySession session) {
            jdbc.save(session.stored);
            saved.set(session);
        }

        @Override
        public ThriftySession findById(String id) {
            ThriftySession justSaved = saved.get();
            saved.remove();
            if (justSaved != null && justSaved.getId().equals(id)) {
                return justSaved;
            }
            var stored = SessionTransactions.ReadsWithoutTransaction.read(() -> jdbc.findById(id));
            return stored == null ? null : new ThriftySession(stored, false, touchEvery);
        }

        @Override
        public void deleteById(String id) {
            saved.remove();
            jdbc.deleteById(id);
        }

        void forgetSaved() {
            saved.remove();
        }
    }

    /** A stored session whose last-access time moves only once it is {@code touchEvery} old. */
    static final class ThriftySession implements Session {

        private final Session stored;
        private final boolean isNew;
        private final Duration touchEvery;

        ThriftySession(Session stored, boolean isNew, Duration touchEvery) {
            this.stored = stored;
            this.isNew = isNew;
            this.touchEvery = touchEvery;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (isNew || !time.isBefore(stored.getLastAccessedTime().plus(touchEvery))) {
                stored.setLastAccessedTime(time);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
