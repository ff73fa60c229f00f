package org.relationcrm.feedback;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The feedback settings ({@code relation.feedback.*}): SLA per severity, silence threshold, care-plan days,
 * NPS delay after a win and how long a survey link stays valid.
 */
@Component
public class FeedbackSettings {

    private final List<Duration> firstResponse;
    private final List<Duration> resolution;
    private final int silentAfterDays;
    private final List<Integer> carePlanDays;
    private final int npsAfterWonDays;
    private final int surveyValidityDays;

    public FeedbackSettings(
            @Value("${relation.feedback.sla.first-response-hours:4,8,24,48}") List<Integer> firstResponseHours,
            @Value("${relation.feedback.sla.resolution-days:1,2,5,10}") List<Integer> resolutionDays,
            @Value("${relation.feedback.silent-after-days:60}") int silentAfterDays,
            @Value("${relation.feedback.care-plan-days:7,30,90}") List<Integer> carePlanDays,
            @Value("${relation.feedback.nps-after-won-days:30}") int npsAfterWonDays,
            @Value("${relation.feedback.survey-validity-days:30}") int surveyValidityDays) {
        if (firstResponseHours.size() != 4 || resolutionDays.size() != 4) {
            throw new IllegalArgumentException("the SLA has one value per severity: LOW, MEDIUM, HIGH, CRITICAL");
        }
        // settings are written from the most severe case (CRITICAL) to the least (LOW); kept by Severity ordinal
        this.firstResponse = firstResponseHours.reversed().stream().map(Duration::ofHours).toList();
        this.resolution = resolutionDays.reversed().stream().map(Duration::ofDays).toList();
        this.silentAfterDays = silentAfterDays;
        this.carePlanDays = List.copyOf(carePlanDays);
        this.npsAfterWonDays = npsAfterWonDays;
        this.surveyValidityDays = surveyValidityDays;
    }

    /** The defaults of the issue: 4 h / 8 h / 24 h / 48 h first response, 1 / 2 / 5 / 10 days resolution. */
    public static FeedbackSettings defaults() {
        return new FeedbackSettings(List.of(4, 8, 24, 48), List.of(1, 2, 5, 10), 60, List.of(7, 30, 90), 30, 30);
    }

    /** Critical first: 4 h; low: 48 h. */
    public Duration firstResponse(Severity severity) {
        return firstResponse.get(severity.ordinal());
    }

    public Duration resolution(Severity severity) {
        return resolution.get(severity.ordinal());
    }

    public int silentAfterDays() {
        return silentAfterDays;
    }

    public List<Integer> carePlanDays() {
        return carePlanDays;
    }

    public int npsAfterWonDays() {
        return npsAfterWonDays;
    }

    public int surveyValidityDays() {
        return surveyValidityDays;
    }

    /** {@code days} working days (Monday to Friday) after {@code from}. */
    public static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }
}
