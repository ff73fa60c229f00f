package org.relationcrm.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The one clock of the application, in the company's time zone ({@code relation.time-zone}; due dates and "today"
 * depend on it). The database cuts days in the same zone: every connection's session time zone is set to it.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/relationcrm/shared/time.properties")
class TimeConfig {

    @Bean
    Clock clock(@Value("${relation.time-zone}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
