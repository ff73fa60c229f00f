package org.relationcrm.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The KPI dashboard of a period: each figure against the previous period, the figures month by month (the charts),
 * complaint times per channel and severity, the open and recent review actions, and (for the whole team only: costs
 * belong to no owner) the acquisition per channel. {@code team}: the whole team's
 * figures (or a filter of them); otherwise the signed-in rep's own clients.
 */
public record InsightDashboard(KpiFilter filter, boolean team, List<KpiFigure> figures, KpiValues current,
                               KpiValues previous, List<MonthKpis> months, List<ComplaintTimes> complaints,
                               List<ReviewActionRow> actions, List<ChannelAcquisition> acquisition) {

    /** One month's KPIs (the charts and their tables). */
    public record MonthKpis(LocalDate month, KpiValues values) {
    }

    public KpiFigure figure(Kpi kpi) {
        return figures.stream().filter(f -> f.kpi() == kpi).findFirst().orElseThrow();
    }
}
