package org.relationcrm.client;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.Text;

/**
 * A date that matters to a person: a birthday, a contract anniversary, the day they became a client.
 * Recurring every year, so "upcoming" means the next anniversary.
 */
@Embeddable
public class ImportantDate {

    /** Declared here only: the form's @Size reads it. */
    public static final int MAX_LABEL = 80;

    @Column(nullable = false)
    private String label;

    @Column(name = "the_date", nullable = false)
    private LocalDate date;

    protected ImportantDate() {
    }

    public ImportantDate(String label, LocalDate date) {
        this.label = Text.required(label, MAX_LABEL, "label");
        this.date = SaneDates.require(Objects.requireNonNull(date, "date"), "date");
    }

    /** The next time this date comes round, today included. 29 February falls on 28 February in other years. */
    public LocalDate nextOccurrence(LocalDate today) {
        MonthDay monthDay = MonthDay.from(date);
        LocalDate thisYear = monthDay.isValidYear(today.getYear())
                ? monthDay.atYear(today.getYear()) : LocalDate.of(today.getYear(), 2, 28);
        if (!thisYear.isBefore(today)) {
            return thisYear;
        }
        int next = today.getYear() + 1;
        return monthDay.isValidYear(next) ? monthDay.atYear(next) : LocalDate.of(next, 2, 28);
    }

    public String label() {
        return label;
    }

    public LocalDate date() {
        return date;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportantDate other && label.equals(other.label) && date.equals(other.date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, date);
    }
}
