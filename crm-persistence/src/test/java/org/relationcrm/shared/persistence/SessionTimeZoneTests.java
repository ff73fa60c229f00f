package org.relationcrm.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL cuts days in the company's time zone, as the Clock does, whatever the JVM's or the server's zone. */
@SpringBootTest(properties = "relation.time-zone=Pacific/Kiritimati")
class SessionTimeZoneTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void everyConnectionRunsInTheConfiguredZone() {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
        assertThat(jdbc.sql("select current_setting('TimeZone')").query(String.class).single())
                .isEqualTo("Pacific/Kiritimati");
    }

    @Test
    void aMomentFallsOnTheSameDayInSqlAndInJava() {
        // 11:30 UTC on 25 March is already 26 March at UTC+14
        Instant lateMorningUtc = Instant.parse("2026-03-25T11:30:00Z");
        LocalDate sqlDay = jdbc.sql("select cast(cast(:at as text) as timestamptz)::date")
                .param("at", lateMorningUtc.toString()).query(LocalDate.class).single();
        assertThat(sqlDay).isEqualTo(LocalDate.ofInstant(lateMorningUtc, clock.getZone()))
                .isEqualTo(LocalDate.parse("2026-03-26"));
    }

    @Test
    void fixedOffsetsAreNotReadAsPosixZones() {
        assertThat(SessionTimeZone.withTimeZone(null, Clock.system(ZoneOffset.ofHours(2))))
                .isEqualTo("set time zone interval '+02:00' hour to minute");
        assertThat(SessionTimeZone.withTimeZone(null, Clock.system(ZoneOffset.UTC)))
                .isEqualTo("set time zone interval '+00:00' hour to minute");
        assertThat(SessionTimeZone.withTimeZone("select 1", Clock.system(ZoneId.of("Europe/Paris"))))
                .isEqualTo("select 1; set time zone 'Europe/Paris'");
    }
}
