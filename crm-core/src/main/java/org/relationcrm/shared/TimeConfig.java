package org.relationcrm.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, in the company's time zone (due dates and "today" depend on it). */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock(@Value("${relation.time-zone:Europe/Paris}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
