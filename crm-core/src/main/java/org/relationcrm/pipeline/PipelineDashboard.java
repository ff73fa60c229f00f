package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The manager's pipeline dashboard: every figure computed by PostgreSQL. */
public record PipelineDashboard(
        List<ForecastMonth> forecast,
        Outcomes outcomes,
        List<Conversion> conversions,
        List<StageTime> stageTimes,
        List<RepPipeline> reps,
        List<RepConcessions> concessions) {

    /** Open deals expected to close in a month: their amount and weighted amount. */
    public record ForecastMonth(LocalDate month, long count, BigDecimal amount, BigDecimal weighted) {
    }

    /** Deals closed in the period; the win rate (null when none closed) and the average sales cycle of the won. */
    public record Outcomes(long won, long lost, BigDecimal wonAmount, Double winRate, Double averageCycleDays) {
    }

    /** Of the deals that entered {@code from} in the period, how many went on to a later stage. */
    public record Conversion(Stage from, Stage to, long entered, long converted) {
        public Double rate() {
            return entered == 0 ? null : (double) converted / entered;
        }
    }

    /** Average days spent in a stage, for deals that left it in the period. */
    public record StageTime(Stage stage, long moves, double averageDays) {
    }

    /** A rep's open deals: how many, how many stale, how many without a next step. */
    public record RepPipeline(long ownerId, String name, long open, BigDecimal weighted, long stale, long withoutNextStep) {
    }

    /** Concessions a rep granted in the period: how many, how much, and the share given for nothing. */
    public record RepConcessions(long userId, String name, long count, BigDecimal total, long withoutCounterpart,
                                 BigDecimal totalWithoutCounterpart) {
        public Double shareWithoutCounterpart() {
            return count == 0 ? null : (double) withoutCounterpart / count;
        }
    }
}
