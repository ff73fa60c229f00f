package org.relationcrm.segment;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.shared.RuleViolation;

/**
 * What a segment keeps. Every criterion is optional (null: not filtered) and they all hold together (AND). Company
 * criteria choose the clients; person criteria ({@link #consent}, {@link #language}, {@link #importantDateWithinDays})
 * choose the people of those clients, and a client is kept only if one of its people is. The limits are declared
 * here once; the form reads them.
 *
 * @param silentDays no exchange with the client for at least this many days (or never)
 * @param activeDays an exchange within the last this many days
 * @param orderedAtLeast orders (not cancelled) of at least this amount in the last {@code orderedWithinDays} days
 * @param completenessBelow the client's data completeness (0–100) is strictly below this
 */
@Embeddable
public record SegmentCriteria(
        @Enumerated(EnumType.STRING) @Column(name = "status") CompanyStatus status,
        @Column(name = "sector") String sector,
        @Enumerated(EnumType.STRING) @Column(name = "company_size") CompanySize size,
        @Column(name = "city") String city,
        @Column(name = "postal_prefix") String postalPrefix,
        @Column(name = "owner_id") Long ownerId,
        @Column(name = "product_line_id") Long productLineId,
        @Enumerated(EnumType.STRING) @Column(name = "held") Held held,
        @Column(name = "silent_days") Integer silentDays,
        @Column(name = "active_days") Integer activeDays,
        @Enumerated(EnumType.STRING) @Column(name = "nps") NpsCategory nps,
        @Column(name = "open_complaints") Boolean openComplaints,
        @Enumerated(EnumType.STRING) @Column(name = "churn") ChurnBand churn,
        @Column(name = "ordered_at_least") BigDecimal orderedAtLeast,
        @Column(name = "ordered_within_days") Integer orderedWithinDays,
        @Enumerated(EnumType.STRING) @Column(name = "consent") ConsentChannel consent,
        @Column(name = "language") String language,
        @Column(name = "important_date_days") Integer importantDateWithinDays,
        @Column(name = "completeness_below") Integer completenessBelow) {

    public static final int MAX_TEXT = 120;
    public static final int MAX_DAYS = 3_650;
    public static final int MAX_POSTAL_PREFIX = 5;
    /** A language as ISO 639-1 writes it: two letters. */
    public static final int LANGUAGE_LENGTH = 2;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");
    /** The period of the order amount when none is given: a year. */
    public static final int DEFAULT_ORDER_DAYS = 365;

    public SegmentCriteria {
        sector = blankToNull(sector);
        city = blankToNull(city);
        postalPrefix = blankToNull(postalPrefix);
        language = blankToNull(language);
        if (language != null) {
            language = language.toLowerCase(Locale.ROOT);
        }
        if (productLineId == null) {
            held = null;
        } else if (held == null) {
            held = Held.HELD;
        }
        if (orderedAtLeast == null) {
            orderedWithinDays = null;
        } else if (orderedWithinDays == null) {
            orderedWithinDays = DEFAULT_ORDER_DAYS;
        }
    }

    public static SegmentCriteria none() {
        return new SegmentCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Throws a {@link RuleViolation} naming each criterion out of its limits (fields named as in the form). */
    public void check() {
        RuleViolation.Collector broken = RuleViolation.collect();
        text(broken, sector, "sector");
        text(broken, city, "city");
        broken.unless(postalPrefix == null || postalPrefix.matches("[0-9AB]{1," + MAX_POSTAL_PREFIX + "}"),
                "postalPrefix", "segment.postalPrefix.invalid", MAX_POSTAL_PREFIX);
        days(broken, silentDays, "silentDays");
        days(broken, activeDays, "activeDays");
        days(broken, orderedWithinDays, "orderedWithinDays");
        days(broken, importantDateWithinDays, "importantDateWithinDays");
        broken.unless(orderedAtLeast == null
                        || (orderedAtLeast.signum() >= 0 && orderedAtLeast.compareTo(MAX_AMOUNT) <= 0),
                "orderedAtLeast", "segment.amount.range", MAX_AMOUNT);
        broken.unless(completenessBelow == null || (completenessBelow >= 1 && completenessBelow <= 100),
                "completenessBelow", "segment.completeness.range", 1, 100);
        broken.unless(language == null || language.matches("[a-z]{" + LANGUAGE_LENGTH + "}"), "language", "segment.language.invalid");
        broken.unless(silentDays == null || activeDays == null || activeDays < silentDays, "activeDays",
                "segment.silentAndActive");
        broken.throwIfAny();
    }

    private static void text(RuleViolation.Collector broken, String value, String field) {
        broken.unless(value == null || value.length() <= MAX_TEXT, field, RuleViolation.TOO_LONG, field, MAX_TEXT, 0);
    }

    private static void days(RuleViolation.Collector broken, Integer value, String field) {
        broken.unless(value == null || (value >= 1 && value <= MAX_DAYS), field, "segment.days.range", 1, MAX_DAYS);
    }

    /** Whether a criterion is about people rather than clients. */
    public boolean choosesPeople() {
        return consent != null || language != null || importantDateWithinDays != null;
    }
}
