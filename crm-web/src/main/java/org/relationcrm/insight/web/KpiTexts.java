package org.relationcrm.insight.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.relationcrm.insight.Kpi;
import org.relationcrm.insight.KpiFigure;
import org.relationcrm.insight.Unit;

/** A KPI's value and change written in the reader's language (or a mail's): "40", "25 %", "12,5 h", "4 000 €". */
@Component
class KpiTexts {

    private final MessageSource messages;

    KpiTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** A KPI as a card shows it. */
    record Card(Kpi kpi, String value, String previous, String change, Boolean better, Kpi.Drill drill) {
    }

    List<Card> cards(List<KpiFigure> figures) {
        Locale locale = LocaleContextHolder.getLocale();
        return figures.stream().map(f -> new Card(f.kpi(), value(f.kpi(), f.value(), locale),
                value(f.kpi(), f.previous(), locale), change(f, locale), f.better(), f.kpi().drill())).toList();
    }

    String value(Kpi kpi, Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        return switch (kpi.unit()) {
            case SCORE -> number(value, 0, locale);
            case NUMBER -> number(value, 2, locale);
            case PERCENT -> {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMaximumFractionDigits(1);
                yield percent.format(value);
            }
            case HOURS -> messages.getMessage("insight.hours", new Object[]{number(value, 1, locale)}, locale);
            case MONEY -> {
                NumberFormat money = NumberFormat.getCurrencyInstance(locale);
                money.setCurrency(java.util.Currency.getInstance("EUR"));
                money.setMaximumFractionDigits(0);
                yield money.format(BigDecimal.valueOf(value));
            }
        };
    }

    /** The change since the previous period: points for a score or a rate, the unit's own otherwise. */
    String change(KpiFigure figure, Locale locale) {
        Double change = figure.change();
        if (change == null) {
            return "";
        }
        Unit unit = figure.kpi().unit();
        String sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        double size = Math.abs(change);
        return switch (unit) {
            case SCORE -> messages.getMessage("insight.points", new Object[]{sign + number(size, 0, locale)}, locale);
            case PERCENT -> messages.getMessage("insight.points",
                    new Object[]{sign + number(size * 100, 1, locale)}, locale);
            default -> sign + value(figure.kpi(), size, locale);
        };
    }

    private static String number(double value, int decimals, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}
