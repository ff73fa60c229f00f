package org.relationcrm.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts as people read them, in the user's language ("12 500 €"). Used in templates as {@code @money}. */
@Component("money")
public class MoneyFormat {

    /** Building a format looks up the locale's data; a copy of a cached one is much cheaper (formats are not thread-safe). */
    private static final Map<Locale, NumberFormat> CURRENCY_FORMATS = new ConcurrentHashMap<>();

    public String of(BigDecimal amount, String currency) {
        return of(amount, currency, LocaleContextHolder.getLocale());
    }

    public String of(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = (NumberFormat) CURRENCY_FORMATS
                .computeIfAbsent(locale, NumberFormat::getCurrencyInstance).clone();
        try {
            format.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
        } catch (IllegalArgumentException e) {
            // unknown code: keep the locale's currency sign
        }
        // whole amounts without cents ("14 415 €"); otherwise the currency's cents, all of them ("8 496,60 €")
        int cents = amount.stripTrailingZeros().scale() > 0
                ? Math.max(format.getCurrency() == null ? 2 : format.getCurrency().getDefaultFractionDigits(), 0) : 0;
        format.setMaximumFractionDigits(cents);
        format.setMinimumFractionDigits(cents);
        return format.format(amount);
    }

    public String eur(BigDecimal amount) {
        return of(amount, "EUR");
    }

    public String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    /** "décembre 2026". */
    public String month(java.time.LocalDate month) {
        return month == null ? "" : java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", LocaleContextHolder.getLocale())
                .format(month);
    }

    /** A count or a measure with the language's grouping and decimal separator: "1 200", "4,5" in French. */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(LocaleContextHolder.getLocale()).format(value);
    }
}
