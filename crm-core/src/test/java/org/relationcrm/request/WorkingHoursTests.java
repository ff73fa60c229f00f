package org.relationcrm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Service levels count Monday to Friday, 9:00 to 18:00, in the company's time zone. */
class WorkingHoursTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final WorkingHours hours = new WorkingHours(PARIS);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void hoursWithinADayStayOnThatDay() {
        // Wednesday 2 December 2026, 10:00 + 4 h
        assertThat(hours.plus(at("2026-12-02T10:00"), 4)).isEqualTo(at("2026-12-02T14:00"));
    }

    @Test
    void whatDoesNotFitTheDayGoesOnTheNextMorning() {
        assertThat(hours.plus(at("2026-12-02T16:00"), 4)).isEqualTo(at("2026-12-03T11:00"));
    }

    @Test
    void aFullDayEndsAtClosingTime() {
        assertThat(hours.plus(at("2026-12-02T09:00"), 9)).isEqualTo(at("2026-12-02T18:00"));
    }

    @Test
    void anEveningRequestCountsFromTheNextMorning() {
        assertThat(hours.plus(at("2026-12-02T20:30"), 2)).isEqualTo(at("2026-12-03T11:00"));
        assertThat(hours.plus(at("2026-12-03T07:15"), 2)).isEqualTo(at("2026-12-03T11:00"));
    }

    @Test
    void weekendsDoNotCount() {
        // Friday 17:00 + 3 h: 1 h on Friday, 2 on Monday
        assertThat(hours.plus(at("2026-12-04T17:00"), 3)).isEqualTo(at("2026-12-07T11:00"));
        // sent on a Saturday
        assertThat(hours.plus(at("2026-12-05T11:00"), 1)).isEqualTo(at("2026-12-07T10:00"));
    }

    @Test
    void severalDaysSpanTheWeekend() {
        // Thursday 9:00 + 27 h = three working days: Thursday, Friday, Monday
        assertThat(hours.plus(at("2026-12-03T09:00"), 27)).isEqualTo(at("2026-12-07T18:00"));
    }

    @Test
    void daylightSavingTimeDoesNotShiftTheHours() {
        // Friday 27 March 2026, 17:00 + 2 h: Monday 30 March (summer time since Sunday) 10:00
        assertThat(hours.plus(at("2026-03-27T17:00"), 2)).isEqualTo(at("2026-03-30T10:00"));
    }

    @Test
    void minutesBetweenCountOnlyWorkingTime() {
        assertThat(hours.minutesBetween(at("2026-12-02T10:00"), at("2026-12-02T13:00"))).isEqualTo(180);
        // Friday 17:00 → Monday 10:30: 60 + 90
        assertThat(hours.minutesBetween(at("2026-12-04T17:00"), at("2026-12-07T10:30"))).isEqualTo(150);
        // an evening and a night
        assertThat(hours.minutesBetween(at("2026-12-02T19:00"), at("2026-12-03T08:00"))).isZero();
        // a whole weekend
        assertThat(hours.minutesBetween(at("2026-12-05T09:00"), at("2026-12-06T18:00"))).isZero();
        assertThat(hours.minutesBetween(at("2026-12-03T10:00"), at("2026-12-02T10:00"))).isZero();
    }

    @Test
    void plusAndMinutesBetweenAgree() {
        Instant start = at("2026-12-04T15:20");
        assertThat(hours.minutesBetween(start, hours.plus(start, 13))).isEqualTo(13 * 60);
    }

    @Test
    void negativeHoursAreRefused() {
        assertThatThrownBy(() -> hours.plus(at("2026-12-02T10:00"), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
