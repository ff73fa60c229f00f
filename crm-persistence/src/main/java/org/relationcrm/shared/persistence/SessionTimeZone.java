package org.relationcrm.shared.persistence;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every connection's session time zone is the company's ({@code relation.time-zone}, the {@link Clock}'s zone), so
 * PostgreSQL cuts days the way Java does: {@code current_date}, {@code timestamptz::date} and the dashboard
 * triggers all count calendar days in that zone, and no SQL names a zone. (The JDBC driver would otherwise send the
 * JVM's default zone, and a day cut in SQL could differ from the same day cut in Java around midnight.)
 */
@Configuration(proxyBeanMethods = false)
class SessionTimeZone {

    @Bean
    static BeanPostProcessor sessionTimeZoneOnEveryConnection(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionInitSql(withTimeZone(pool.getConnectionInitSql(), clock.getObject()));
                }
                return bean;
            }
        };
    }

    static String withTimeZone(String initSql, Clock clock) {
        ZoneId zone = clock.getZone().normalized();
        // A region id is letters, digits, '/', '+', '-', '_': nothing to escape. A fixed offset is given as an
        // interval: PostgreSQL would read '+01:00' as a POSIX zone, i.e. one hour WEST of Greenwich.
        String set = zone instanceof ZoneOffset offset
                ? "set time zone interval '" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()) + "' hour to minute"
                : "set time zone '" + zone.getId() + "'";
        return initSql == null || initSql.isBlank() ? set : initSql + "; " + set;
    }
}
